#!/usr/bin/env node
// Builds @tstrace/native.
//   node scripts/build.mjs                the portable addon (see below) + the TypeScript loader
//   node scripts/build.mjs --from-source  the addon with node-gyp (from-source/binding.gyp) for this
//                                         machine only, into from-source/build/Release (what the
//                                         loader tries second)
//   node scripts/build.mjs --ts-only      the TypeScript loader only
//
// The portable addon is what the platform package @tstrace/native-linux-x64-gnu ships: it must
// load on any x86_64 Linux with glibc >= 2.17, whatever machine built it. So it is compiled with
// this machine's g++ (C++17) against the glibc 2.17 sysroot of a manylinux2014 cross toolchain
// (the devDependency @napi-rs/cross-toolchain-x64-target-x86_64, unpacked once into build/),
// with the kernel's own uapi headers from /usr/include (the ABI, independent of glibc),
// libstdc++ and libgcc linked statically and hidden, and stripped. portable/ holds the two
// shims that bridge the host's libstdc++ to glibc 2.17; scripts/check-portable.mjs then
// verifies the symbol versions, so a binary that would not load on glibc 2.17 never ships.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkPortable } from "./check-portable.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
/** Runs a package's JS entry point with this node (node_modules/.bin may not hold it under pnpm). */
const runJs = (entry, args, cwd = root) =>
  execFileSync(process.execPath, [require.resolve(entry), ...args], { cwd, stdio: "inherit" });

/** Where the platform package's binary goes (packages/native/npm/linux-x64-gnu). */
const OUTPUT = join(root, "npm", "linux-x64-gnu", "tstrace_native.node");
const SOURCES = [
  "src/binding.cc",
  ...readdirSync(join(root, "src", "core"))
    .filter((f) => f.endsWith(".cc"))
    .map((f) => `src/core/${f}`),
];

function fail(message) {
  console.error(`@tstrace/native build: ${message}`);
  process.exit(1);
}

/** Newest modification time under src/ and portable/ (and this script): what the binary is made of. */
function newestInput() {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, "src"));
  walk(join(root, "portable"));
  return newest;
}

/** Unpacks the toolchain's glibc 2.17 sysroot into build/ once; returns its path. */
function sysroot() {
  let archive;
  try {
    archive = require("@napi-rs/cross-toolchain-x64-target-x86_64").toolchainPath;
  } catch {
    fail(
      "the glibc 2.17 sysroot package @napi-rs/cross-toolchain-x64-target-x86_64 is not installed (x86_64 hosts only); run `pnpm install`, or build for this machine only with `node scripts/build.mjs --from-source`",
    );
  }
  const dir = join(root, "build", "toolchain");
  const path = join(dir, "x86_64-unknown-linux-gnu", "sysroot");
  if (existsSync(join(path, "usr", "lib64", "libc.so"))) return path;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log("@tstrace/native build: unpacking the glibc 2.17 sysroot (once)");
  try {
    // Only glibc's headers and libraries: not its programs and data, and not GCC 4.8's own
    // libstdc++ (the link must take this g++'s, whose headers the objects were compiled with).
    const member = "./x86_64-unknown-linux-gnu/sysroot";
    const skip = [
      "sbin",
      "usr/bin",
      "usr/sbin",
      "usr/share",
      "usr/lib/gconv",
      "lib/libstdc++*",
      "lib/libitm*",
    ];
    const excludes = skip.map((path) => `--exclude=${member}/${path}`);
    execFileSync("tar", ["-xJf", archive, "-C", dir, "--wildcards", ...excludes, member], {
      stdio: "inherit",
    });
  } catch {
    fail("could not unpack the sysroot with `tar -xJf` (is xz-utils installed?)");
  }
  return path;
}

/** A directory holding only the kernel's uapi headers (linux/, asm/, asm-generic/) of this machine. */
function kernelHeaders() {
  const dir = join(root, "build", "kernel-headers");
  const links = {
    linux: "/usr/include/linux",
    "asm-generic": "/usr/include/asm-generic",
    asm: "/usr/include/x86_64-linux-gnu/asm",
  };
  mkdirSync(dir, { recursive: true });
  for (const [name, target] of Object.entries(links)) {
    if (!existsSync(target)) fail(`${target} is missing (Debian: apt-get install linux-libc-dev)`);
    if (!existsSync(join(dir, name))) symlinkSync(target, join(dir, name));
  }
  return dir;
}

/** Runs commands two at a time (the build machines have two cores); rejects on the first failure. */
async function runAll(commands) {
  const queue = [...commands];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [command, ...args] = next;
      await new Promise((done, failed) => {
        const child = spawn(command, args, { cwd: root, stdio: "inherit" });
        child.on("error", failed);
        child.on("exit", (code) =>
          code === 0 ? done() : failed(new Error(`${command} exited with ${code}`)),
        );
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

async function buildPortable() {
  if (process.platform !== "linux" || process.arch !== "x64")
    fail(`the portable addon builds on linux-x64 only (this is ${process.platform}-${process.arch})`);
  if (existsSync(OUTPUT) && statSync(OUTPUT).mtimeMs >= newestInput()) {
    checkPortable(OUTPUT);
    console.log("@tstrace/native build: npm/linux-x64-gnu/tstrace_native.node is up to date");
    return;
  }
  const sys = sysroot();
  const objDir = join(root, "build", "portable");
  mkdirSync(objDir, { recursive: true });
  const napiHeaders = require("node-api-headers").include_dir;
  const addonApi = dirname(require.resolve("node-addon-api/package.json"));
  const common = [
    `--sysroot=${sys}`,
    "-isystem",
    kernelHeaders(),
    "-O2",
    "-fPIC",
    "-fvisibility=hidden",
    "-ffunction-sections",
    "-fdata-sections",
    "-Wall",
    "-Wextra",
  ];
  const cxx = [
    ...common,
    "-std=c++17",
    "-fexceptions",
    "-include",
    join(root, "portable", "glibc-2.17.h"),
    "-isystem",
    napiHeaders,
    "-isystem",
    addonApi,
    "-DNAPI_VERSION=8",
    "-DNAPI_CPP_EXCEPTIONS",
    "-DNODE_ADDON_API_DISABLE_DEPRECATED",
  ];
  const objects = [];
  const commands = [];
  for (const source of SOURCES) {
    const object = join(
      objDir,
      source
        .replace(/^src\//, "")
        .replaceAll("/", "_")
        .replace(/\.cc$/, ".o"),
    );
    objects.push(object);
    commands.push(["g++", ...cxx, "-c", source, "-o", object]);
  }
  const shims = join(objDir, "glibc-2.17-shims.o");
  objects.push(shims);
  commands.push(["gcc", ...common, "-std=c11", "-c", "portable/glibc-2.17-shims.c", "-o", shims]);
  console.log(`@tstrace/native build: compiling ${commands.length} files against glibc 2.17`);
  await runAll(commands);

  // This g++'s own libstdc++.a (the sysroot's is GCC 4.8's), then the sysroot's glibc.
  const gccLibDir = dirname(
    execFileSync("g++", ["-print-file-name=libstdc++.a"], { encoding: "utf8" }).trim(),
  );
  const linked = `${OUTPUT}.tmp`;
  mkdirSync(dirname(OUTPUT), { recursive: true });
  execFileSync(
    "g++",
    [
      `--sysroot=${sys}`,
      "-shared",
      "-pthread",
      "-o",
      linked,
      ...objects,
      `-L${gccLibDir}`,
      `-L${join(sys, "usr", "lib64")}`,
      "-static-libstdc++",
      "-static-libgcc",
      "-Wl,--exclude-libs,ALL",
      "-Wl,--gc-sections",
      "-Wl,--as-needed",
      "-Wl,-z,noexecstack",
      "-Wl,-z,relro,-z,now",
      "-s",
    ],
    { cwd: root, stdio: "inherit" },
  );
  checkPortable(linked);
  renameSync(linked, OUTPUT);
  console.log(`@tstrace/native build: ${OUTPUT.slice(root.length + 1)} (${statSync(OUTPUT).size} bytes)`);
}

/** Node headers for node-gyp: npm's `nodedir` when set, else the ones installed next to this node. */
function nodedir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = resolve(dirname(process.execPath), "..");
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? prefix : undefined;
}

function buildFromSource() {
  const dir = nodedir();
  const nodedirArgs = dir ? [`--nodedir=${dir}`] : [];
  const gypDir = join(root, "from-source");
  const gyp = "node-gyp/bin/node-gyp.js";
  if (!existsSync(join(gypDir, "build", "Makefile"))) runJs(gyp, ["configure", ...nodedirArgs], gypDir);
  runJs(gyp, ["build", ...nodedirArgs, "-j", "2"], gypDir);
}

if (process.argv.includes("--from-source")) buildFromSource();
else if (!process.argv.includes("--ts-only")) await buildPortable();
runJs("typescript/bin/tsc", ["-p", "tsconfig.json"]);
