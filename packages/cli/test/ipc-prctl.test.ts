// SysV IPC (msgget/msgsnd/msgrcv/msgctl, semget/semop/semtimedop/semctl, shmget/shmat/shmctl/
// shmdt), personality, arch_prctl and prctl's strings, as strace 6.1 prints them: a small C
// program, compiled here, makes the calls (structs the kernel fills, structs the caller passes,
// arrays and strings that end at an unmapped page, unknown commands); it runs under tstrace and
// strace with each -X style and the -o files must match once what differs from run to run (IPC
// ids, times, pids, addresses) is masked. Without a C compiler: skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-ipc-"));

const PROGRAM = `#define _GNU_SOURCE
#include <asm/prctl.h>
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  long ps = sysconf(_SC_PAGESIZE);
  char *p = mmap(0, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p + ps, ps);
  char *end = p + ps;

  int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  struct { long mtype; char mtext[40]; } m = { 42, "hello, message queue" };
  msgsnd(q, &m, 21, 0);
  msgsnd(q, &m, 40, IPC_NOWAIT);
  msgrcv(q, &m, sizeof m.mtext, 0, MSG_NOERROR);
  msgrcv(q, &m, 4, 0, IPC_NOWAIT);
  msgsnd(q, end - 8, 4, IPC_NOWAIT);
  struct msqid_ds ds;
  msgctl(q, IPC_STAT, &ds);
  msgctl(q, IPC_SET, &ds);
  struct msginfo mi;
  msgctl(q, IPC_INFO, (struct msqid_ds *) &mi);
  msgctl(q, IPC_STAT, (struct msqid_ds *) (end - 8));
  msgctl(q, 0xdead, NULL);
  msgctl(q, IPC_RMID, NULL);

  int s = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
  struct sembuf ops[3] = { { 0, 1, SEM_UNDO }, { 1, 2, IPC_NOWAIT }, { 0, -1, 0 } };
  semop(s, ops, 3);
  struct sembuf *tail = (struct sembuf *) (end - sizeof(struct sembuf));
  *tail = ops[0];
  semop(s, tail, 2);
  semop(s, NULL, 1);
  struct timespec ts = { 0, 1000 };
  semtimedop(s, ops, 1, &ts);
  struct semid_ds sds;
  semctl(s, 0, IPC_STAT, &sds);
  semctl(s, 0, IPC_SET, &sds);
  semctl(s, 1, GETVAL);
  semctl(s, 0, IPC_RMID);

  int h = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
  void *a = shmat(h, NULL, SHM_RDONLY);
  struct shmid_ds hds;
  shmctl(h, IPC_STAT, &hds);
  shmctl(h, IPC_SET, &hds);
  struct shminfo hi;
  shmctl(h, IPC_INFO, (struct shmid_ds *) &hi);
  shmdt(a);
  shmat(-1, (void *) 1, SHM_RND | 0x80000);
  shmctl(h, IPC_RMID, NULL);

  int pers = personality(0xffffffff);
  personality(PER_BSD | SHORT_INODE | 0x10000);
  personality(0x1f);
  personality(pers);

  unsigned long fs;
  syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
  syscall(SYS_arch_prctl, ARCH_GET_FS, NULL);
  uint64_t mask;
  syscall(SYS_arch_prctl, 0x1021 /* ARCH_GET_XCOMP_SUPP */, &mask);
  syscall(SYS_arch_prctl, 0x1023 /* ARCH_REQ_XCOMP_PERM */, 0x12);
  syscall(SYS_arch_prctl, 0x1023 /* ARCH_REQ_XCOMP_PERM */, 11);
  syscall(SYS_arch_prctl, 0x1011 /* ARCH_GET_CPUID */, 0);
  syscall(SYS_arch_prctl, 0x2345, 0x42);

  memcpy(end - 4, "abc", 4);
  prctl(PR_SET_NAME, end - 4);
  memcpy(end - 15, "123456789abcdef", 15);
  prctl(PR_SET_NAME, end - 15);
  prctl(PR_SET_VMA, 0 /* PR_SET_VMA_ANON_NAME */, p, ps, "anon name");
  prctl(PR_SET_VMA, 0 /* PR_SET_VMA_ANON_NAME */, p, ps, "0123456789abcdef0123456789abcdef0123");
  return 0;
}
`;

const build = (): string => compileC(dir, "ipc", PROGRAM);

/**
 * What differs between two runs: IPC ids (the *get return values), times, pids, the system-wide
 * index IPC_INFO returns, addresses, `=` alignment.
 */
function mask(text: string): string {
  return text
    .replace(/^((?:msg|sem|shm)(?:snd|rcv|ctl|op|timedop|at)\()\d+/gm, "$1ID")
    .replace(/^((?:msg|sem|shm)get\(.*\) += )\d+$/gm, "$1ID")
    .replace(/time=\d+/g, "time=T")
    .replace(/(pid)=\d+/g, "$1=PID")
    .replace(/^(.*(?:IPC_INFO|, 0x3[ ,]).*= )\d+$/gm, "$1N")
    .replace(/0x[0-9a-f]{9,}/g, "0xADDR")
    .replace(/ {2,}=/g, " =");
}

const TRACE = ["-e", "trace=ipc,personality,arch_prctl,prctl"];

function traceWith(tracer: string, out: string, style: string, exe: string): string {
  const r = spawnSync(tracer, ["-X", style, "-o", out, ...TRACE, exe], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status, `${tracer}: ${r.stderr}`).toBe(0);
  return mask(readFileSync(out, "utf8"));
}

describe.skipIf(CC === "")(
  "SysV IPC, personality, arch_prctl and prctl strings, as strace prints them",
  () => {
    const exe = CC === "" ? "" : build();

    for (const style of ["abbrev", "raw", "verbose"]) {
      it(`-X ${style}: the same lines as strace`, () => {
        const ours = traceWith(BIN, join(dir, `t.${style}`), style, exe);
        const theirs = traceWith("strace", join(dir, `s.${style}`), style, exe);
        expect(ours.split("\n")).toEqual(theirs.split("\n"));
        if (style !== "abbrev") return;
        // What each case is about, in case strace's own rendering changes under us.
        expect(ours).toContain('msgsnd(ID, {mtype=42, mtext="hello, message queue\\0"}, 21, 0) = 0');
        expect(ours).toContain(
          "msgctl(ID, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0",
        );
        expect(ours).toMatch(
          /^semtimedop\(ID, \[\{sem_num=0, sem_op=1, sem_flg=SEM_UNDO\}, \.\.\. \/\* 0xADDR \*\/\], 2, NULL\)/m,
        );
        expect(ours).toContain("personality(0x1f /* PER_??? */) = 0x1010006 (PER_BSD|SHORT_INODE|0x10000)");
        expect(ours).toContain("arch_prctl(ARCH_REQ_XCOMP_PERM, 0xb /* XFEATURE_??? */) = -1 EOPNOTSUPP");
        expect(ours).toContain('prctl(PR_SET_NAME, "123456789abcdef"...) = 0');
      });
    }
  },
);
