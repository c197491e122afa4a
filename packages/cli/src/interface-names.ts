/**
 * The host's network interfaces by index, for the decoder: strace prints an interface index in a
 * netlink message as `if_nametoindex("lo")` when if_indextoname(3) names it where strace runs.
 * Read once per session from /sys/class/net; empty where that is not readable.
 */
import { readdirSync, readFileSync } from "node:fs";

const SYS_NET = "/sys/class/net";

export function interfaceNames(dir = SYS_NET): Map<number, string> {
  const names = new Map<number, string>();
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return names;
  }
  for (const name of entries) {
    try {
      const index = Number.parseInt(readFileSync(`${dir}/${name}/ifindex`, "utf8"), 10);
      if (Number.isInteger(index) && index > 0) names.set(index, name);
    } catch {
      // An interface that went away between the listing and the read: strace would not name it.
    }
  }
  return names;
}
