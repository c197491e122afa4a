import { createRequire } from "node:module";

/** The package version, read from package.json so `changeset version` is the only place it changes. */
export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string })
  .version;
