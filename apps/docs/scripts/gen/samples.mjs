// The playground's sample traces: real programs traced with @tstrace/native when the site is built,
// their record batches saved with scripts/sample-file.mjs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileCapturePlan, RECORD_FORMAT_VERSION, x86_64 } from "@tstrace/core";
import { spawnTraced } from "@tstrace/native";
import { encodeSample } from "../sample-file.mjs";

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

/** The capture the samples are made with: long strings, fd paths and socket details, whole argv. */
const CAPTURE = { strsize: 1024, decodeFds: "all", verbose: true };

async function record(sample, cwd) {
  const batches = [];
  const session = spawnTraced(
    {
      argv: sample.argv,
      capturePlan: compileCapturePlan(x86_64, CAPTURE),
      followForks: sample.followForks,
      cwd,
      env: { PATH: "/usr/bin:/bin", LANG: "C", HOME: cwd },
    },
    (batch) => batches.push(batch.slice()),
  );
  const result = await session.done;
  if (result.exitCode !== 0)
    throw new Error(`sample ${sample.id}: ${sample.argv[0]} exited with ${result.exitCode}`);
  return batches;
}

/** Writes each sample to `dir/<id>.tssample`; returns the index the playground lists. */
export async function writeSamples(dir) {
  const cwd = mkdtempSync(join(tmpdir(), "tstrace-docs-"));
  try {
    const index = [];
    for (const s of SAMPLES) {
      const batches = await record(s, cwd);
      const meta = {
        title: s.title,
        argv: s.argv,
        arch: "x86_64",
        recordFormat: RECORD_FORMAT_VERSION,
        followForks: s.followForks,
        capture: CAPTURE,
        made: "apps/docs/scripts/gen/samples.mjs",
      };
      const bytes = encodeSample(meta, batches);
      writeFileSync(join(dir, `${s.id}.tssample`), bytes);
      index.push({ id: s.id, title: s.title, file: `${s.id}.tssample`, bytes: bytes.length });
    }
    return index;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
