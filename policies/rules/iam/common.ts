import { asArray } from "../../framework";

export function statements(document: unknown): any[] {
    let doc: any = document;
    if (typeof document === "string") {
        try {
            doc = JSON.parse(document);
        } catch {
            return [];
        }
    }
    return asArray(doc?.Statement);
}

const lowerKeys = (o: unknown): Record<string, any> => (o && typeof o === "object" ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v])) : {});

/** Allow of every action on every resource (`*` or `*:*`). */
export function isAdminStatement(s: any): boolean {
    return s?.Effect === "Allow" && asArray<string>(s.Action).some((a) => a === "*" || a === "*:*") && asArray<string>(s.Resource).includes("*") && s.Condition === undefined;
}

/** A trust statement that lets anyone assume the role (`*` principal, no condition). */
export function isWildcardTrust(s: any): boolean {
    if (s?.Effect !== "Allow" || s.Condition !== undefined) return false;
    if (s.Principal === "*") return true;
    return asArray(lowerKeys(s.Principal).aws).includes("*");
}
