/**
 * Under Deno, the permissions tstrace cannot run without, checked before anything else loads (a
 * missing one would otherwise surface as an uncaught NotCapable stack trace from deep inside
 * module loading). Each missing permission gets one line naming its flag. Under Node: nothing.
 */

interface DenoPermissions {
  querySync(descriptor: { name: string; path?: string }): { state: string };
}

/** What each permission is needed for, in the order they are checked. */
const NEEDED: readonly { name: string; why: string; path?: boolean; live?: boolean }[] = [
  { name: "read", why: "to load tstrace's modules and addon and read /proc", path: true },
  { name: "env", why: "to pass the environment on to the traced command" },
  { name: "ffi", why: "to load the native ptrace addon (Node-API)", live: true },
];

/**
 * The lines to print for the permissions missing (none under Node or with all granted).
 * `replaying`: --replay traces nothing, so it needs no addon and no --allow-ffi.
 */
export function missingDenoPermissions(replaying = false): string[] {
  const deno = (globalThis as { Deno?: { permissions?: DenoPermissions } }).Deno;
  if (deno?.permissions === undefined) return [];
  const here = new URL("..", import.meta.url).pathname;
  const lines: string[] = [];
  for (const { name, why, path, live } of NEEDED) {
    if (live && replaying) continue;
    const { state } = deno.permissions.querySync(path ? { name, path: here } : { name });
    if (state !== "granted") lines.push(`tstrace: Deno needs --allow-${name} ${why}`);
  }
  return lines;
}
