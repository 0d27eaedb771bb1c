import * as fs from "fs";
import * as path from "path";
import type { PreviewResult } from "./model";
import { REPORT_FORMATS } from "./reports";

/** Report files written to `--out`, by name (one per registered format). Nothing else in `--out` is ever touched. */
export const REPORT_FILES: readonly string[] = REPORT_FORMATS.map((f) => f.file);

export interface ReportWrite {
    /** Absolute paths of the reports written. */
    written: string[];
    /** Reports that could not be written, with the reason in one line (no stack trace). */
    failed: Array<{ file: string; reason: string }>;
}

function reason(err: unknown): string {
    const e = err as NodeJS.ErrnoException;
    const why: Record<string, string> = {
        EACCES: "permission denied",
        EPERM: "operation not permitted",
        EROFS: "read-only file system",
        ENOSPC: "no space left on device",
        ENOTDIR: "a path component is a file, not a directory",
        EISDIR: "a directory is in the way",
        EEXIST: "a file is in the way",
    };
    return e?.code && why[e.code] ? `${why[e.code]} (${e.code})` : (e?.message ?? String(err)).split("\n")[0];
}

/**
 * Writes each report into `outDir` (created if missing) atomically: the text goes to a temporary file in the same
 * directory, then a rename replaces that one report. Only the preview's own report files are replaced; no other file
 * or directory is deleted or overwritten, so `--out .` in a project is harmless. A report that cannot be written does
 * not stop the others: it is returned in `failed` for the caller to report after the verdict.
 */
export function writeReports(result: PreviewResult, outDir: string): ReportWrite {
    const target = path.resolve(outDir);
    const outcome: ReportWrite = { written: [], failed: [] };
    try {
        fs.mkdirSync(target, { recursive: true });
    } catch (err) {
        return { written: [], failed: REPORT_FILES.map((file) => ({ file: path.join(target, file), reason: `cannot create ${target}: ${reason(err)}` })) };
    }
    for (const { file, render } of REPORT_FORMATS) {
        const destination = path.join(target, file);
        // A name no other writer uses; it lives next to the destination so the rename never crosses file systems.
        const temporary = path.join(target, `.${file}.${process.pid}.${Date.now()}.tmp`);
        try {
            if (fs.existsSync(destination) && !fs.statSync(destination).isFile()) {
                throw Object.assign(new Error(`${destination} is not a file`), { code: "EISDIR" });
            }
            fs.writeFileSync(temporary, render(result), { flag: "wx" });
            fs.renameSync(temporary, destination);
            outcome.written.push(destination);
        } catch (err) {
            fs.rmSync(temporary, { force: true });
            outcome.failed.push({ file: destination, reason: reason(err) });
        }
    }
    return outcome;
}
