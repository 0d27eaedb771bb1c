/**
 * Names the Application component (components/application.ts) decides for each application, in one place for the
 * component and for stack config validation (components/application-config.ts), which must refuse config that would collide with them.
 */

/** Suffixes the application appends to `<environment>-<application>` for its components (and thus every child). */
export const APPLICATION_COMPONENT_SUFFIXES = ["logs", "storage", "edge", "db", "cache", "secrets", "service", "observability", "web"] as const;

/** Variables the application sets itself (database, cache, log groups): config may not set or shadow them. */
export const PLATFORM_ENVIRONMENT_NAMES = [
    "DATABASE_HOST", "DATABASE_READ_HOST", "DATABASE_PORT", "DATABASE_NAME", "DATABASE_SSL", "DATABASE_USER", "DATABASE_AUTH",
    "DATABASE_PASSWORD", "AUDIT_LOG_GROUP", "ERROR_LOG_GROUP", "REDIS_HOST", "REDIS_PORT", "REDIS_TLS", "REDIS_PASSWORD",
    "REDIS_AUTH", "REDIS_USER", "REDIS_CACHE_NAME", "REDIS_CLUSTER_MODE",
] as const;

/** Prefix of the variables naming the application's buckets (`S3_BUCKET_<BUCKET_NAME>`). */
export const PLATFORM_ENVIRONMENT_PREFIX = "S3_BUCKET_";

/** The variable that carries a bucket's name: `S3_BUCKET_` + the bucket's config name, upper-case, `-` → `_`. */
export function bucketEnvironmentName(bucketName: string): string {
    return `${PLATFORM_ENVIRONMENT_PREFIX}${bucketName.toUpperCase().replace(/-/g, "_")}`;
}

/** Whether the platform sets this variable itself (so config may not). */
export function isPlatformEnvironmentName(name: string): boolean {
    return (PLATFORM_ENVIRONMENT_NAMES as readonly string[]).includes(name) || name.startsWith(PLATFORM_ENVIRONMENT_PREFIX);
}
