// The playground's sample traces: real programs recorded with `tstrace --record` when the site is
// built (the recording format: @tstrace/core/recording, guide/recordings.md).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** A python client and server talking over a loopback TCP socket, in one process. */
const PY_NET = `import socket
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
cli = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
cli.sendall(b"GET / HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n")
conn.recv(1024)
conn.sendall(b"HTTP/1.0 200 OK\\r\\nContent-Length: 6\\r\\n\\r\\nhello\\n")
print(cli.recv(1024).decode().splitlines()[0])
`;

export const SAMPLES = [
  { id: "ls", title: "ls -l /etc/ssl", argv: ["ls", "-l", "/etc/ssl"], followForks: false },
  {
    id: "python-net",
    title: "python3: a client and a server on 127.0.0.1",
    argv: ["python3", "-S", "-c", PY_NET],
    followForks: false,
  },
  {
    id: "pipeline",
    title: "sh -c 'ls /usr | sort | head -n 3' (-f)",
    argv: ["sh", "-c", "ls /usr | sort | head -n 3"],
    followForks: true,
  },
];

/** Decode options the samples' recordings leave open: -s up to 1024 (tstrace also records -yy and -v data). */
const STRSIZE = "1024";

/** The tstrace bin of the workspace's @tstrace/cli. */
function tstraceBin() {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("@tstrace/cli/package.json");
  return join(dirname(pkgPath), JSON.parse(readFileSync(pkgPath, "utf8")).bin.tstrace);
}

/** Records `sample` with `tstrace --record`, as a user would. */
function record(sample, file, cwd) {
  const r = spawnSync(
    tstraceBin(),
    [
      "-o",
      "/dev/null",
      `--record=${file}`,
      "-s",
      STRSIZE,
      ...(sample.followForks ? ["-f"] : []),
      ...sample.argv,
    ],
    {
      cwd,
      env: { PATH: "/usr/bin:/bin", LANG: "C", HOME: cwd },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`sample ${sample.id}: tstrace exited with ${r.status}: ${r.stderr}`);
}

/** Writes each sample to `dir/<id>.tsr`; returns the index the playground lists. */
export async function writeSamples(dir) {
  const cwd = mkdtempSync(join(tmpdir(), "tstrace-docs-"));
  try {
    const index = [];
    for (const s of SAMPLES) {
      const file = `${s.id}.tsr`;
      record(s, resolve(dir, file), cwd);
      index.push({ id: s.id, title: s.title, argv: s.argv, file, bytes: statSync(join(dir, file)).size });
    }
    return index;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
