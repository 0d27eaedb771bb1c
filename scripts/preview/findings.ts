import { decodeWaivedFinding } from "../../lib/rules/waivers";
import type { PolicyControl, Waiver } from "./model";

/** The companion policies through which the pack reports findings a compliance waiver covers (resource and stack rules). */
export const WAIVED_FINDINGS_POLICIES = new Set(["waived-findings", "waived-stack-findings"]);

/** `<framework>:<control>` policy tags (e.g. `pci-dss-4.0:3.5.1`) → controls; other tags are not controls. */
export function controlsOf(tags: string[] | undefined): PolicyControl[] {
    return (tags ?? []).flatMap((tag) => {
        const separator = tag.indexOf(":");
        return separator > 0 && separator < tag.length - 1 ? [{ framework: tag.slice(0, separator), control: tag.slice(separator + 1) }] : [];
    });
}

/**
 * Decodes a `waived-findings` message: a fixed marker and one JSON object written by the pack (lib/rules/waivers.ts),
 * so approvers, reasons and findings with any characters round-trip. Undefined when the message is not in that form.
 */
export function parseWaivedMessage(message: string): { waiver: Waiver; message: string } | undefined {
    const decoded = decodeWaivedFinding(message);
    if (!decoded) return undefined;
    const { expires, approver, reason, ticket } = decoded.waiver;
    return { waiver: { rule: decoded.rule, expires, approver, reason, ...(ticket !== undefined ? { ticket } : {}) }, message: decoded.message };
}
