import type { PolicyControl, Waiver } from "./model";

/** The companion policies through which the pack reports findings a compliance waiver covers (resource and stack rules). */
export const WAIVED_FINDINGS_POLICIES = new Set(["waived-findings", "waived-stack-findings"]);
const WAIVED_MESSAGE = /^\[WAIVED (\S+) until (\d{4}-\d{2}-\d{2}) by ([^:]+): (.*?)\] ([\s\S]*)$/;

/** `<framework>:<control>` policy tags (e.g. `pci-dss-4.0:3.5.1`) → controls; other tags are not controls. */
export function controlsOf(tags: string[] | undefined): PolicyControl[] {
    return (tags ?? []).flatMap((tag) => {
        const separator = tag.indexOf(":");
        return separator > 0 && separator < tag.length - 1 ? [{ framework: tag.slice(0, separator), control: tag.slice(separator + 1) }] : [];
    });
}

/** Parses the `waived-findings` message form; undefined when the message is not in it. */
export function parseWaivedMessage(message: string): { waiver: Waiver; message: string } | undefined {
    const match = WAIVED_MESSAGE.exec(message);
    return match ? { waiver: { rule: match[1], expires: match[2], approver: match[3].trim(), reason: match[4] }, message: match[5] } : undefined;
}
