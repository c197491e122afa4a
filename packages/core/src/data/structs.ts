/**
 * Struct sizes per architecture: what the native side reads for a `struct` argument. Hand data;
 * sources: the kernel's uapi headers (arch/x86/include/uapi/asm/stat.h, include/uapi/asm-generic/
 * stat.h, arch/arm/include/uapi/asm/stat.h, include/uapi/asm-generic/statfs.h,
 * include/uapi/linux/resource.h, include/uapi/linux/utsname.h) laid out with each ABI's alignment.
 */
import type { StructDef } from "../types.js";

const common64: readonly StructDef[] = [
  { name: "rlimit", size: 16 },
  { name: "rlimit64", size: 16 },
  { name: "statfs", size: 120 },
  { name: "utsname", size: 390 },
];

const common32: readonly StructDef[] = [
  { name: "rlimit", size: 8 },
  { name: "rlimit64", size: 16 },
  { name: "statfs", size: 64 },
  { name: "statfs64", size: 84 },
  { name: "utsname", size: 390 },
];

/** Struct sizes keyed by architecture name. */
export const structsByArch: Readonly<Record<string, readonly StructDef[]>> = {
  x86_64: [{ name: "stat", size: 144 }, ...common64],
  aarch64: [{ name: "stat", size: 128 }, ...common64],
  riscv64: [{ name: "stat", size: 128 }, ...common64],
  i386: [{ name: "stat", size: 64 }, { name: "stat64", size: 96 }, ...common32],
  arm: [{ name: "stat", size: 64 }, { name: "stat64", size: 104 }, ...common32.map((s) => (s.name === "statfs64" ? { name: "statfs64", size: 88 } : s))],
};
