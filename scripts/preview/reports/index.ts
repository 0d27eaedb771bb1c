import type { ReportFormat } from "./format";
import { format as html } from "./html";
import { format as json } from "./json";
import { format as junit } from "./junit";
import { format as markdown } from "./markdown";
import { format as sarif } from "./sarif";

/** Every report file the preview writes, in the order it writes them: the one registration of a format. */
export const REPORT_FORMATS: readonly ReportFormat[] = [json, markdown, sarif, junit, html];

export type { ReportFormat } from "./format";
