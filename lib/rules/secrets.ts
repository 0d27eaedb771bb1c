/**
 * The one home of "does this look like a secret": used by stack config validation (refuse and redact), the Fargate
 * component (refuse plain environment variables) and the policy pack (secrets-no-plaintext-secrets). Pure, no Pulumi import,
 * so the pack can load it.
 */

/**
 * Names that hold secrets, matched on word parts so `DB_PASS`, `dbPassword`, `STRIPE_SK`, `api-key` and
 * `AWS_SECRET_ACCESS_KEY` all count while `PASSENGER_COUNT` or `TOKENIZER_MODE` do not.
 */
const SECRET_WORDS = new Set([
    "password", "passwd", "pass", "pwd", "secret", "secrets", "token", "credential", "credentials", "creds",
    "privatekey", "apikey", "sk", "authtoken", "passphrase", "signingkey", "secretkey", "accesskey",
    "clientsecret", "webhook", "dsn", "connectionstring",
]);

/** Splits `DB_PASS`, `dbPassword`, `api-key` and `Stripe.SK` into lower-case words. */
export function nameWords(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w.length > 0)
        .map((w) => w.toLowerCase());
}

/** Whether a config key, environment-variable name or property name looks like it holds a secret. */
export function isSecretLikeName(name: string): boolean {
    const words = nameWords(name);
    for (let i = 0; i < words.length; i++) {
        if (SECRET_WORDS.has(words[i])) {
            return true;
        }
        // Run-together names of well-known variables: PGPASSWORD, MYSQLPASSWORD, DBSECRET, GITHUBTOKEN.
        if (/.{2,}(password|passwd|secret|token|apikey|credentials?)$/.test(words[i])) {
            return true;
        }
        // Two-word forms: PRIVATE_KEY, API_KEY, ACCESS_KEY, SECRET_KEY, CLIENT_SECRET, AUTH_TOKEN, CONNECTION_STRING.
        const pair = words[i] + (words[i + 1] ?? "");
        if (i + 1 < words.length && SECRET_WORDS.has(pair)) {
            return true;
        }
    }
    return false;
}

/** A URL carrying credentials (`postgres://user:pass@host`, `https://user:token@host`). */
export function hasUrlCredentials(value: string): boolean {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]+:[^/@\s]+@/i.test(value.trim());
}

/**
 * A value that looks like key material rather than configuration: credentials in a URL, a PEM block, a known token
 * prefix, or a long high-entropy string. Used to redact and to refuse values whatever their name.
 */
export function looksLikeSecretValue(value: unknown): boolean {
    if (typeof value !== "string") {
        return false;
    }
    const text = value.trim();
    if (hasUrlCredentials(text) || /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        return true;
    }
    if (/^(sk|rk|pk)_(live|test)_[A-Za-z0-9]{10,}$/.test(text) || /^(AKIA|ASIA)[A-Z0-9]{16}$/.test(text) || /^gh[pousr]_[A-Za-z0-9]{20,}$/.test(text) || /^xox[abpr]-/.test(text)) {
        return true;
    }
    // Long random-looking strings: an unbroken run of 20+ letters and digits mixing classes with high entropy. ARNs,
    // URLs without credentials, policy names (`ELBSecurityPolicy-TLS13-1-2-Res-2021-06`) and image tags are not.
    if (!/^arn:/.test(text) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
        for (const run of text.replace(/sha256:[0-9a-f]{64}/g, "").match(/[A-Za-z0-9+/=]{20,}/g) ?? []) {
            const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(run)).length;
            if (classes >= 2 && /[0-9]/.test(run) && shannonEntropy(run) >= 3.5) {
                return true;
            }
        }
    }
    return false;
}

function shannonEntropy(text: string): number {
    const counts = new Map<string, number>();
    for (const c of text) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let entropy = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        entropy -= p * Math.log2(p);
    }
    return entropy;
}

/** Whether anything on a config or property path (any segment) names a secret, e.g. `appSecrets.0.JWT_SECRET_KEY`. */
export function isSecretLikePath(path: ReadonlyArray<string | number | symbol>): boolean {
    return path.some((segment) => typeof segment === "string" && isSecretLikeName(segment));
}

/**
 * A URL that carries a token in its path or query (chat and paging webhooks: `https://hooks.slack.com/services/T…/B…/…`,
 * `…/integration/<key>/enqueue`, `?token=…`): such a URL is itself a secret.
 */
export function urlCarriesToken(value: string): boolean {
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        return false;
    }
    if (url.username || url.password) {
        return true;
    }
    if (/^\/(services|hooks|webhooks?|integrations?)\/\S{16,}/i.test(url.pathname)) {
        return true;
    }
    const segments = url.pathname.split("/").filter((s) => s.length > 0);
    if (segments.some((segment) => looksLikeSecretValue(decodeURIComponent(segment)))) {
        return true;
    }
    return [...url.searchParams].some(([name, v]) => isSecretLikeName(name) || /^(key|sig|signature|code)$/i.test(name) || looksLikeSecretValue(v));
}

/** Lengths a generated application secret may have (AppSecrets `generate`): at least 16 letters and digits (about 95 bits). */
export const GENERATED_LENGTH = { min: 16, max: 1024 } as const;
