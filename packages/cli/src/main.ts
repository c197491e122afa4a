import { compileCapturePlan, x86_64 } from "@tstrace/core";
import { createDecoder } from "@tstrace/decoder-wasm";
import { raiseSignal, spawnTraced } from "@tstrace/native";
import { parseArgs } from "./args.js";
import { exitLikeTracee } from "./exit-status.js";
import { HELP_TEXT } from "./help.js";
import { openSink } from "./sink.js";
import { UsageError } from "./usage-error.js";
import { VERSION } from "./version.js";

const PROGRAM = "tstrace";

function fail(message: string, hint: boolean): never {
  process.stderr.write(`${PROGRAM}: ${message}\n`);
  if (hint) process.stderr.write(`Try '${PROGRAM} -h' for more information.\n`);
  process.exit(1);
}

/** Runs tstrace with `argv` (without node and the script) and exits the process like strace. */
export async function main(argv: readonly string[]): Promise<never> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) fail(err.message, err.hint);
    throw err;
  }
  if (options.help) {
    process.stdout.write(HELP_TEXT);
    process.exit(0);
  }
  if (options.version) {
    process.stdout.write(`${PROGRAM} -- version ${VERSION}\n`);
    process.exit(0);
  }

  let sink: ReturnType<typeof openSink>;
  try {
    sink = openSink(options.output);
  } catch (err) {
    fail((err as Error).message, false);
  }
  const decoder = await createDecoder({
    strsize: options.strsize,
    acolumn: options.columns,
    hex: options.hex,
    pidPrefix: options.follow ? (options.output === undefined ? "bracket" : "plain") : "none",
    arch: x86_64,
  });
  const capturePlan = compileCapturePlan(x86_64, { strsize: options.strsize });

  let session: ReturnType<typeof spawnTraced>;
  try {
    session = spawnTraced({ argv: options.command, capturePlan, followForks: options.follow }, (batch) =>
      sink.write(decoder.decode(batch)),
    );
  } catch (err) {
    sink.close();
    fail((err as Error).message, false);
  }
  const result = await session.done;
  sink.write(decoder.finish());
  sink.close();
  return exitLikeTracee(result, raiseSignal);
}
