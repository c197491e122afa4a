/**
 * strace's -E (make_env): each `VAR=VAL` sets VAR, in place when it is already there, and each
 * bare `VAR` removes it, in command-line order, in the environment the command is started with.
 */
export function applyEnvChanges(env: Record<string, string | undefined>, changes: readonly string[]): void {
  for (const change of changes) {
    const eq = change.indexOf("=");
    if (eq < 0) delete env[change];
    else env[change.slice(0, eq)] = change.slice(eq + 1);
  }
}
