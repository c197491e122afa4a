/**
 * Debian's Chromium for the browser tests (Playwright cannot download its own browsers here).
 * `ensureChromium()` installs it with apt-get when it is missing and we are root, as on a fresh CI
 * machine; otherwise it fails with the command to run.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.TSTRACE_CHROMIUM ?? "/usr/bin/chromium";

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `docs tests: no Chromium at ${CHROMIUM}. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium (or set TSTRACE_CHROMIUM)`,
    );
  }
  process.stdout.write("docs tests: installing Debian's chromium (apt-get, once; takes a minute or two)\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "chromium"], {
    stdio: "inherit",
    env,
  });
  if (!existsSync(CHROMIUM))
    throw new Error(`docs tests: apt-get installed chromium but ${CHROMIUM} is missing`);
}

/**
 * Headless Chromium with a fresh profile (Playwright's launch() makes a new temporary
 * --user-data-dir each time and refuses one passed in). The background-networking flags matter: without them
 * Chromium reaches out to the network at start, which this machine's closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
