import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * The passphrase secrets provider of the Pulumi CLI, decrypt side (pkg/secrets/passphrase/manager.go and
 * sdk/go/common/resource/config/crypt.go in pulumi/pulumi): the key is PBKDF2-SHA256 of the passphrase over the salt of
 * the stack's `encryptionsalt` (`v1:<base64 salt>:v1:<base64 nonce>:<base64 ciphertext>`), 1,000,000 iterations,
 * 32 bytes; each value is AES-256-GCM, written `v1:<base64 12-byte nonce>:<base64 ciphertext with its 16-byte tag>`.
 * The passphrase is right when the salt's own ciphertext decrypts to "pulumi".
 */
const ITERATIONS = 1_000_000;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The CLI's one message for a wrong passphrase (the locked secrets manager's error). */
export const INCORRECT_PASSPHRASE = "incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase or set PULUMI_CONFIG_PASSPHRASE_FILE to a file containing the passphrase";

export class ConfigCryptError extends Error {}

function base64(text: string): Buffer {
    // Go's StdEncoding refuses what is not canonical base64; Node's decoder skips junk. Refuse it here too.
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
        throw new ConfigCryptError("bad value");
    }
    return Buffer.from(text, "base64");
}

function decryptWith(key: Buffer, value: string): string {
    const parts = value.split(":");
    if (parts.length !== 3) throw new ConfigCryptError("bad value");
    if (parts[0] !== "v1") throw new ConfigCryptError("unknown value version");
    const nonce = base64(parts[1]);
    const sealed = base64(parts[2]);
    if (nonce.length !== NONCE_BYTES) throw new ConfigCryptError("bad value: nonce size is incorrect");
    if (sealed.length < TAG_BYTES) throw new ConfigCryptError("message authentication failed");
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
        return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
        throw new ConfigCryptError("message authentication failed");
    }
}

export interface Decrypter {
    decrypt(ciphertext: string): string;
}

/**
 * A decrypter for the stack's `encryptionsalt` and passphrase, verified as the CLI verifies it. A malformed salt is
 * `malformed state value` / `unknown state version`; a wrong passphrase is {@link INCORRECT_PASSPHRASE}.
 */
export function passphraseDecrypter(passphrase: string, encryptionSalt: string): Decrypter {
    const parts = encryptionSalt.split(":");
    if (parts.length < 3) throw new ConfigCryptError("malformed state value");
    if (parts[0] !== "v1") throw new ConfigCryptError("unknown state version");
    const salt = base64(parts[1]);
    const key = pbkdf2Sync(Buffer.from(passphrase, "utf8"), salt, ITERATIONS, KEY_BYTES, "sha256");
    let check: string | undefined;
    try {
        check = decryptWith(key, parts.slice(2).join(":"));
    } catch {
        check = undefined;
    }
    if (check !== "pulumi") throw new ConfigCryptError(INCORRECT_PASSPHRASE);
    const cache = new Map<string, string>();
    return {
        decrypt(ciphertext: string): string {
            let plain = cache.get(ciphertext);
            if (plain === undefined) {
                plain = decryptWith(key, ciphertext);
                cache.set(ciphertext, plain);
            }
            return plain;
        },
    };
}

/**
 * The passphrase as the CLI reads it (readPassphrase): PULUMI_CONFIG_PASSPHRASE when set (even empty), else the trimmed
 * content of PULUMI_CONFIG_PASSPHRASE_FILE when that is set and non-empty; undefined when neither is.
 */
export function passphraseFromEnv(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
    if (env.PULUMI_CONFIG_PASSPHRASE !== undefined) return env.PULUMI_CONFIG_PASSPHRASE;
    const file = env.PULUMI_CONFIG_PASSPHRASE_FILE;
    if (file) {
        try {
            return fs.readFileSync(path.resolve(cwd, file), "utf8").trim();
        } catch (err) {
            throw new ConfigCryptError(`unable to read PULUMI_CONFIG_PASSPHRASE_FILE: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
    }
    return undefined;
}

/**
 * The encryption side, for tests only (the preview never encrypts): what `pulumi stack init` with the passphrase provider
 * writes as `encryptionsalt`, and what `pulumi config set --secret` writes as a value.
 */
export function passphraseEncrypter(passphrase: string, salt: Buffer = randomBytes(8)): { encryptionSalt: string; encrypt(plaintext: string): string } {
    const key = pbkdf2Sync(Buffer.from(passphrase, "utf8"), salt, ITERATIONS, KEY_BYTES, "sha256");
    const encrypt = (plaintext: string) => {
        const nonce = randomBytes(NONCE_BYTES);
        const cipher = createCipheriv("aes-256-gcm", key, nonce);
        const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
        return `v1:${nonce.toString("base64")}:${sealed.toString("base64")}`;
    };
    return { encryptionSalt: `v1:${salt.toString("base64")}:${encrypt("pulumi")}`, encrypt };
}
