import type { PreviewResult } from "../model";

/**
 * One report format: a file in `--out` and the function that renders it. A new format is one file exporting a
 * `ReportFormat`, registered once in `reports/index.ts`; the writer, the CLI's help and "Reports:" line, and the
 * contract test (`test/preview/report-contract.test.ts`: the verdict, every unchecked item and every waiver in every
 * format) all read that list.
 */
export interface ReportFormat {
    /** File name written in `--out` (`preview.<extension>`). */
    file: string;
    /** Who reads it, for `--help`. */
    readBy: string;
    render(result: PreviewResult): string;
}
