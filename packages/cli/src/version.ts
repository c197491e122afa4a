import { createRequire } from "node:module";

let read: string | undefined;

/**
 * The package version, read from package.json so `changeset version` is the only place it changes;
 * read on first use (--version, --record), not at every start-up.
 */
export function version(): string {
  read ??= (createRequire(import.meta.url)("../package.json") as { version: string }).version;
  return read;
}
