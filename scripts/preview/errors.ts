/**
 * A problem with what the user gave the preview (arguments, project files, the program itself, the policy pack).
 * The CLI prints only its message (no stack trace) and exits with {@link EXIT_INPUT_ERROR}, distinct from a failed gate.
 */
export class PreviewInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PreviewInputError";
    }
}

/** Exit codes of `platform-preview`. */
export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_INPUT_ERROR = 2;
