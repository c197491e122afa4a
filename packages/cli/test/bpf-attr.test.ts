// bpf(2)'s union bpf_attr, command by command, against strace: a C program creates a real
// array map and a real socket-filter program (as root, which the suite runs as), reads the
// map's info back (the kernel shortens info_len: `152 => 88`), and makes calls the kernel
// refuses (bad fds, a missing pin path, a short or over-long attribute). strace 6.1 and tstrace
// trace it with the same options; the lines are compared after the conformance normaliser,
// with the ids the kernel hands out (different in each run) masked. BPF_LINK_CREATE's
// kprobe_multi symbol names sit behind an array of pointers: each string is followed (a NULL
// one, one longer than -s, one at an unreadable address).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <linux/bpf.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
static long sys_bpf(int cmd, void *attr, unsigned size) { return syscall(SYS_bpf, cmd, attr, size); }
int main(void) {
  union bpf_attr a;
  memset(&a, 0, sizeof(a));
  a.map_type = BPF_MAP_TYPE_ARRAY;
  a.key_size = 4;
  a.value_size = 8;
  a.max_entries = 2;
  strcpy(a.map_name, "tst_map");
  int map = sys_bpf(BPF_MAP_CREATE, &a, 72);
  /* a shorter attribute: the fields an older kernel knew, the name cut at the size */
  sys_bpf(BPF_MAP_CREATE, &a, 32);
  /* more than strace's struct, a byte set past it */
  unsigned char big[96];
  memset(big, 0, sizeof(big));
  memcpy(big, &a, 72);
  big[90] = 7;
  sys_bpf(BPF_MAP_CREATE, big, sizeof(big));

  unsigned char info[152];
  memset(info, 0, sizeof(info));
  memset(&a, 0, sizeof(a));
  a.info.bpf_fd = map;
  a.info.info_len = sizeof(info);
  a.info.info = (unsigned long)info;
  sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, 16);

  unsigned key = 1;
  unsigned long long value = 0;
  memset(&a, 0, sizeof(a));
  a.map_fd = map;
  a.key = (unsigned long)&key;
  a.value = (unsigned long)&value;
  a.flags = BPF_F_LOCK;
  sys_bpf(BPF_MAP_LOOKUP_ELEM, &a, 32);
  a.flags = BPF_EXIST;
  sys_bpf(BPF_MAP_UPDATE_ELEM, &a, 32);

  struct bpf_insn insns[] = {
    { .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
    { .code = BPF_JMP | BPF_EXIT },
  };
  char log[16] = "old log";
  memset(&a, 0, sizeof(a));
  a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
  a.insn_cnt = 2;
  a.insns = (unsigned long)insns;
  a.license = (unsigned long)"GPL";
  strcpy(a.prog_name, "tst_prog");
  sys_bpf(BPF_PROG_LOAD, &a, 128);
  /* a log buffer without a log level: refused */
  a.log_buf = (unsigned long)log;
  a.log_size = 3;
  sys_bpf(BPF_PROG_LOAD, &a, 72);

  memset(&a, 0, sizeof(a));
  a.pathname = (unsigned long)"/nonexistent/tst_pin";
  a.bpf_fd = map;
  a.file_flags = BPF_F_RDONLY;
  sys_bpf(BPF_OBJ_PIN, &a, 16);
  sys_bpf(BPF_OBJ_GET, &a, 12);

  memset(&a, 0, sizeof(a));
  a.target_fd = -1;
  a.attach_bpf_fd = map;
  a.attach_type = BPF_CGROUP_INET_EGRESS;
  a.attach_flags = BPF_F_ALLOW_MULTI;
  sys_bpf(BPF_PROG_ATTACH, &a, 16);
  sys_bpf(BPF_PROG_DETACH, &a, 12);

  memset(&a, 0, sizeof(a));
  a.test.prog_fd = -1;
  a.test.repeat = 3;
  a.test.flags = BPF_F_TEST_RUN_ON_CPU;
  sys_bpf(BPF_PROG_TEST_RUN, &a, 72);

  memset(&a, 0, sizeof(a));
  a.start_id = 0xfffffff0;
  sys_bpf(BPF_MAP_GET_NEXT_ID, &a, 12);
  a.map_id = 0xfffffff0;
  sys_bpf(BPF_MAP_GET_FD_BY_ID, &a, 12);

  memset(&a, 0, sizeof(a));
  a.raw_tracepoint.name = (unsigned long)"tst_no_such_tracepoint";
  a.raw_tracepoint.prog_fd = -1;
  sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &a, 16);

  unsigned ids[4] = { 0 };
  memset(&a, 0, sizeof(a));
  a.query.target_fd = -1;
  a.query.attach_type = BPF_CGROUP_INET_INGRESS;
  a.query.query_flags = BPF_F_QUERY_EFFECTIVE;
  a.query.prog_ids = (unsigned long)ids;
  a.query.prog_cnt = 4;
  sys_bpf(BPF_PROG_QUERY, &a, 28);

  char buf[16] = "";
  memset(&a, 0, sizeof(a));
  a.task_fd_query.pid = 1;
  a.task_fd_query.fd = -1;
  a.task_fd_query.buf = (unsigned long)buf;
  a.task_fd_query.buf_len = sizeof(buf);
  sys_bpf(BPF_TASK_FD_QUERY, &a, 48);

  unsigned keys[2], out_batch = 0;
  unsigned long long values[2];
  memset(&a, 0, sizeof(a));
  a.batch.out_batch = (unsigned long)&out_batch;
  a.batch.keys = (unsigned long)keys;
  a.batch.values = (unsigned long)values;
  a.batch.count = 2;
  a.batch.map_fd = map;
  sys_bpf(BPF_MAP_LOOKUP_BATCH, &a, 56);
  a.batch.map_fd = -1;
  sys_bpf(BPF_MAP_DELETE_BATCH, &a, 56);

  unsigned iter[2] = { map, 7 };
  memset(&a, 0, sizeof(a));
  a.link_create.prog_fd = -1;
  a.link_create.target_fd = -1;
  a.link_create.attach_type = BPF_TRACE_ITER;
  a.link_create.iter_info = (unsigned long)iter;
  a.link_create.iter_info_len = 2;
  sys_bpf(BPF_LINK_CREATE, &a, 48);
  unsigned long long addrs[2] = { 0, 0xffffffff81000000ULL };
  memset(&a, 0, sizeof(a));
  a.link_create.prog_fd = -1;
  a.link_create.attach_type = BPF_PERF_EVENT;
  a.link_create.perf_event.bpf_cookie = 0xc0ffee;
  sys_bpf(BPF_LINK_CREATE, &a, 48);
  a.link_create.attach_type = BPF_CGROUP_SOCK_OPS;
  sys_bpf(BPF_LINK_CREATE, &a, 48);
  memset(&a, 0, sizeof(a));
  a.link_create.prog_fd = -1;
  a.link_create.attach_type = BPF_TRACE_KPROBE_MULTI;
  a.link_create.kprobe_multi.cnt = 2;
  a.link_create.kprobe_multi.addrs = (unsigned long)addrs;
  sys_bpf(BPF_LINK_CREATE, &a, 48);
  const char *syms[4] = { "tst_sym", 0, "a_symbol_name_longer_than_thirty_two_bytes", (const char *)8 };
  a.link_create.kprobe_multi.cnt = 4;
  a.link_create.kprobe_multi.syms = (unsigned long)syms;
  a.link_create.kprobe_multi.addrs = 0;
  sys_bpf(BPF_LINK_CREATE, &a, 48);

  memset(&a, 0, sizeof(a));
  a.link_update.link_fd = -1;
  a.link_update.new_prog_fd = map;
  a.link_update.flags = BPF_F_REPLACE;
  a.link_update.old_prog_fd = 0;
  sys_bpf(BPF_LINK_UPDATE, &a, 16);

  memset(&a, 0, sizeof(a));
  a.btf = (unsigned long)"\\x9f\\xeb\\x01\\x00junk";
  a.btf_size = 8;
  sys_bpf(BPF_BTF_LOAD, &a, 28);
  return 0;
}
`;

/** The map and program ids the kernel hands out differ from run to run. */
const ids = (lines: string[]) => lines.map((l) => l.replace(/\bid=\d+/g, "id=N"));

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-bpf-attr-"));
  writeFileSync(join(dir, "bpf.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "bpf"), join(dir, "bpf.c")]);
});

describe("bpf(2) attributes, against strace", () => {
  const options = [[], ["-y"], ["-v", "-y"], ["-v"], ["-s", "4"], ["-X", "raw"]];
  for (const extra of options) {
    it(`prints each command's attribute ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=bpf", "./bpf"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(ids(norm(ours.stderr))).toEqual(ids(norm(theirs.stderr)));
      expect(ours.stderr).toContain('license="GPL"');
      expect(ours.stderr).toMatch(/syms=\["tst_(sym)?"(\.\.\.)?, NULL, "a_s/);
      if (extra.includes("-v") && extra.includes("-y")) expect(ours.stderr).toContain("info_len=152 => ");
    });
  }
});
