// Entry of `npm run preview` and the `platform-preview` bin: the offline plan + policy gate (see scripts/preview/cli.ts).
import * as path from "path";
const { runCli }: typeof import("./preview/cli") = require("./preview/cli");

// Piped into `head` or a closed pager: stop quietly instead of an EPIPE trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") {
        throw err;
    }
    process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
    // `npm run preview` runs in the repository; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ? path.resolve(process.env.INIT_CWD) : process.cwd(),
}).then((code) => {
    process.exitCode = code;
    // The verdict is out: a handle left open by a bug (a server, a child's pipe) must not keep CI waiting on it. The
    // timer is unref'd, so a preview that ends by itself ends at once.
    setTimeout(() => process.exit(code), 2000).unref();
});
