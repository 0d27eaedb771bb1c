import type { PreviewResult } from "../model";
import type { ReportFormat } from "./format";

/** The whole result, as `report.schema.json` describes it: what the other reports and `--compare-*` read back. */
export function renderJson(result: PreviewResult): string {
    return JSON.stringify(result, null, 2) + "\n";
}

export const format: ReportFormat = { file: "preview.json", readBy: "tools and --compare-base/--compare-head (report.schema.json)", render: renderJson };
