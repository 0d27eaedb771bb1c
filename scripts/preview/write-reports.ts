import * as fs from "fs";
import * as path from "path";
import type { PreviewResult } from "./model";
import { renderHtml } from "./reports/html";
import { renderJunit } from "./reports/junit";
import { renderMarkdown } from "./reports/markdown";
import { renderSarif } from "./reports/sarif";

/** Report files written to `--out`, by name. */
export const REPORT_FILES = ["preview.json", "preview.md", "preview.sarif", "preview.junit.xml", "preview.html"] as const;

/**
 * Renders every report into a temporary sibling directory and swaps it in only when all succeeded, so `--out` never
 * holds a partial set passed off as complete.
 */
export function writeReports(result: PreviewResult, outDir: string): string[] {
    const target = path.resolve(outDir);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const staging = fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}-`));
    try {
        const contents: Record<(typeof REPORT_FILES)[number], string> = {
            "preview.json": JSON.stringify(result, null, 2) + "\n",
            "preview.md": renderMarkdown(result),
            "preview.sarif": renderSarif(result),
            "preview.junit.xml": renderJunit(result),
            "preview.html": renderHtml(result),
        };
        for (const [file, text] of Object.entries(contents)) {
            fs.writeFileSync(path.join(staging, file), text);
        }
        // mkdtemp makes the directory owner-only; the reports are for CI and reviewers too.
        fs.chmodSync(staging, 0o777 & ~process.umask());
        fs.rmSync(target, { recursive: true, force: true });
        fs.renameSync(staging, target);
    } catch (err) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw err;
    }
    return REPORT_FILES.map((f) => path.join(target, f));
}
