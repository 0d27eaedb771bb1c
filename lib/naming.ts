/**
 * Naming helpers. Logical names are `<prefix>-<part>-<part>`; physical AWS names are left to Pulumi
 * auto-naming (random suffix) unless a service needs a fixed prefix, so replacements can be created
 * before the old resource is deleted.
 */

/** Joins name parts with `-`, dropping empty ones. */
export function childName(...parts: Array<string | undefined>): string {
    return parts.filter((p): p is string => !!p && p.length > 0).join("-");
}

/**
 * Trims a name to a service's length limit, keeping it deterministic. Pulumi adds an 8-character
 * random suffix (with a dash) to auto-named resources, so `reserveForSuffix` leaves room for it.
 */
export function truncateName(name: string, maxLength: number, reserveForSuffix = true): string {
    const limit = reserveForSuffix ? maxLength - 8 : maxLength;
    return name.length <= limit ? name : name.slice(0, limit).replace(/-+$/, "");
}

/** Lower-case, dash-separated form of a name, safe for S3, ElastiCache and RDS identifiers. */
export function slug(name: string): string {
    return name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^-+|-+$/g, "");
}
