import type { ConformanceCase } from "./cases.js";

/**
 * `sh -c 'SETUP; exec CMD'`: the setup's own processes are not followed (no -f), so the trace is
 * the shell's few lines and then CMD's, in one process. The setup's output goes nowhere.
 */
function after(setup: string, cmd: string): readonly string[] {
  return ["sh", "-c", `{ ${setup}; } >/dev/null 2>&1; exec ${cmd}`];
}

/** A small git repository with one commit; dates and names fixed so object ids repeat run to run. */
const GIT_ENV =
  "export GIT_AUTHOR_DATE=@0 GIT_COMMITTER_DATE=@0 GIT_AUTHOR_NAME=a GIT_AUTHOR_EMAIL=a@x GIT_COMMITTER_NAME=a GIT_COMMITTER_EMAIL=a@x GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null"; // exported for the exec'd git too
/**
 * The files get an old mtime first: a file changed in the same second as the index is "racily
 * clean", and git re-reads it and rewrites the index on whichever run the clock decides.
 */
const GIT_REPO = `${GIT_ENV}; touch -d @1000000000 a.txt dir/*; git init -q . && git add a.txt dir && git commit -q -m one`;

/** A bigger input than a.txt for compressors and sorters: the same bytes every run. */
const TEXT = "seq 1 3000 | sed 's/$/ line of text/' > big.txt";

const MAKEFILE = "printf 'all: out.txt\\nout.txt: a.txt\\n\\tcp a.txt out.txt\\n' > Makefile";

/**
 * Real programs people trace, as they run them: compressors, version control, archivers,
 * interpreters' one-liners, text tools, a database, build tools, network clients against a port
 * nothing listens on. Each is one process (its helpers, when it has any, are not followed).
 */
export const PROGRAM_CASES: readonly ConformanceCase[] = [
  // Compressors
  { name: "gzip -n big", command: after(TEXT, "gzip -n -k big.txt"), needs: ["gzip"] },
  { name: "gzip -9 -c", command: after(TEXT, "gzip -9 -n -c big.txt"), needs: ["gzip"] },
  { name: "gzip -d", command: after(`${TEXT} && gzip -n big.txt`, "gzip -d big.txt.gz"), needs: ["gzip"] },
  { name: "gzip -t", command: after("gzip -n a.txt", "gzip -t a.txt.gz"), needs: ["gzip"] },
  { name: "zcat", command: after("gzip -n a.txt", "zcat a.txt.gz"), needs: ["gzip", "zcat"] },
  { name: "xz -k", command: after(TEXT, "xz -k big.txt"), needs: ["xz"] },
  { name: "xz -d", command: after(`${TEXT} && xz big.txt`, "xz -d big.txt.xz"), needs: ["xz"] },
  { name: "xz -l", command: after("xz a.txt", "xz -l a.txt.xz"), needs: ["xz"] },
  { name: "xz -T1 -c", command: after(TEXT, "xz -T1 -c big.txt"), needs: ["xz"] },
  { name: "zstd -q", command: after(TEXT, "zstd -q big.txt"), needs: ["zstd"] },
  {
    name: "zstd -d",
    command: after(`${TEXT} && zstd -q --rm big.txt`, "zstd -q -d big.txt.zst"),
    needs: ["zstd"],
  },
  { name: "zstd -t", command: after("zstd -q a.txt", "zstd -q -t a.txt.zst"), needs: ["zstd"] },
  { name: "bzip2 -k", command: after(TEXT, "bzip2 -k big.txt"), needs: ["bzip2"] },
  { name: "bzip2 -d", command: after(`${TEXT} && bzip2 big.txt`, "bzip2 -d big.txt.bz2"), needs: ["bzip2"] },
  { name: "bzip2 -t", command: after("bzip2 a.txt", "bzip2 -t a.txt.bz2"), needs: ["bzip2"] },
  {
    name: "zip -X",
    command: after("touch -d @0 a.txt dir/b.txt dir", "zip -q -X out.zip a.txt dir/b.txt"),
    needs: ["zip"],
  },
  {
    name: "unzip -l",
    command: after("touch -d @0 a.txt && zip -q -X out.zip a.txt", "unzip -l out.zip"),
    needs: ["unzip", "zip"],
  },
  // Archivers
  {
    name: "tar fixed mtime",
    command: ["tar", "--mtime=@0", "--owner=0", "--group=0", "-cf", "out.tar", "a.txt", "dir"],
    needs: ["tar"],
  },
  {
    name: "tar tf",
    command: after("tar --mtime=@0 -cf out.tar a.txt dir", "tar tf out.tar"),
    needs: ["tar"],
  },
  {
    name: "tar xf",
    command: after("tar --mtime=@0 -cf out.tar a.txt dir && rm -r a.txt dir", "tar xf out.tar"),
    needs: ["tar"],
  },
  {
    name: "tar czf",
    command: after("", "tar --mtime=@0 --owner=0 --group=0 -czf out.tgz a.txt"),
    needs: ["tar"],
  },
  {
    name: "cpio -o",
    command: after("", "sh -c 'ls a.txt dir/b.txt | exec cpio -o --quiet -H newc > out.cpio'"),
    needs: ["cpio"],
  },
  // Version control (dates, names and config fixed)
  { name: "git init", command: after(GIT_ENV, "git init -q ."), needs: ["git"] },
  { name: "git add", command: after(`${GIT_ENV}; git init -q .`, "git add a.txt"), needs: ["git"] },
  {
    name: "git commit",
    command: after(`${GIT_ENV}; git init -q . && git add a.txt`, "git commit -q -m one"),
    needs: ["git"],
  },
  { name: "git log", command: after(GIT_REPO, "git log --oneline"), needs: ["git"] },
  { name: "git status", command: after(GIT_REPO, "git status --short"), needs: ["git"] },
  {
    name: "git diff",
    command: after(`${GIT_REPO} && echo more >> a.txt`, "git --no-pager diff"),
    needs: ["git"],
  },
  { name: "git rev-parse", command: after(GIT_REPO, "git rev-parse HEAD"), needs: ["git"] },
  { name: "git cat-file", command: after(GIT_REPO, "git cat-file -p HEAD"), needs: ["git"] },
  { name: "git show --stat", command: after(GIT_REPO, "git --no-pager show --stat"), needs: ["git"] },
  { name: "git branch", command: after(GIT_REPO, "git branch topic"), needs: ["git"] },
  { name: "git tag", command: after(GIT_REPO, "git tag v1"), needs: ["git"] },
  { name: "git ls-files", command: after(GIT_REPO, "git ls-files"), needs: ["git"] },
  // Interpreters' one-liners
  {
    name: "python3 json",
    command: ["/usr/bin/python3", "-c", "import json; print(json.dumps({'a': [1, 2]}))"],
  },
  {
    name: "python3 os.walk",
    command: ["/usr/bin/python3", "-c", "import os\nfor r, d, f in os.walk('.'): print(r, sorted(f))"],
  },
  {
    name: "python3 read write",
    command: ["/usr/bin/python3", "-c", "open('out.txt', 'w').write(open('a.txt').read() * 3)"],
  },
  {
    name: "python3 hashlib",
    command: [
      "/usr/bin/python3",
      "-c",
      "import hashlib; print(hashlib.sha1(open('a.txt','rb').read()).hexdigest())",
    ],
  },
  {
    name: "python3 sqlite3",
    command: [
      "/usr/bin/python3",
      "-c",
      "import sqlite3; c = sqlite3.connect('t.db'); c.execute('create table t(x)'); c.execute('insert into t values (1)'); c.commit()",
    ],
  },
  {
    name: "python3 zipfile",
    command: [
      "/usr/bin/python3",
      "-c",
      "import zipfile\nwith zipfile.ZipFile('o.zip', 'w') as z: z.writestr(zipfile.ZipInfo('a.txt', (1980, 1, 1, 0, 0, 0)), 'x')",
    ],
  },
  {
    name: "python3 csv",
    command: [
      "/usr/bin/python3",
      "-c",
      "import csv, sys; csv.writer(sys.stdout).writerows([[1, 'a'], [2, 'b']])",
    ],
  },
  {
    name: "python3 listdir stat",
    command: ["/usr/bin/python3", "-c", "import os; [os.stat(n) for n in os.listdir('.')]"],
  },
  { name: "perl print", command: ["perl", "-e", "print qq(hello\\n)"], needs: ["perl"] },
  { name: "perl -ne", command: ["perl", "-ne", "print if /a/", "a.txt", "dir/b.txt"], needs: ["perl"] },
  { name: "perl -i", command: ["perl", "-pi", "-e", "s/alpha/ALPHA/", "a.txt"], needs: ["perl"] },
  {
    name: "perl opendir",
    command: ["perl", "-e", "opendir(D, q(.)); print join(qq(\\n), sort readdir D), qq(\\n)"],
    needs: ["perl"],
  },
  {
    name: "perl POSIX",
    command: ["perl", "-MPOSIX", "-e", "print POSIX::floor(2.5), qq(\\n)"],
    needs: ["perl"],
  },
  {
    name: "perl stat",
    command: ["perl", "-e", "my @s = stat(q(a.txt)); print $s[7], qq(\\n)"],
    needs: ["perl"],
  },
  // Finding and sorting
  { name: "find -name", command: ["find", ".", "-name", "*.txt"] },
  { name: "find -type f", command: ["find", ".", "-type", "f"] },
  { name: "find -maxdepth -printf", command: ["find", ".", "-maxdepth", "1", "-printf", "%f %s\\n"] },
  { name: "find -empty", command: after("mkdir empty", "find . -empty") },
  { name: "sort -r", command: after(TEXT, "sort -r big.txt") },
  { name: "sort -n -u", command: after(TEXT, "sort -n -u big.txt") },
  { name: "sort -k2", command: ["sort", "-k2", "/etc/passwd"] },
  { name: "sort -o", command: after(TEXT, "sort -o sorted.txt big.txt") },
  { name: "uniq -c", command: after(TEXT, "uniq -c big.txt") },
  // Copying trees
  { name: "cp -r", command: ["cp", "-r", "dir", "dir2"] },
  { name: "cp -r two", command: ["cp", "-r", "dir", "a.txt", "dir"] },
  { name: "ls -R", command: ["ls", "-R"] },
  // Text tools
  { name: "sed s///", command: ["sed", "s/alpha/beta/", "a.txt"] },
  { name: "sed -n p", command: after(TEXT, "sed -n 10,20p big.txt") },
  { name: "sed -e d", command: ["sed", "-e", "/root/d", "/etc/passwd"] },
  { name: "awk print", command: ["awk", "{ print $1 }", "a.txt"] },
  { name: "awk -F sum", command: ["awk", "-F:", "{ s += $3 } END { print s }", "/etc/passwd"] },
  { name: "awk BEGIN", command: ["awk", "BEGIN { for (i = 0; i < 3; i++) print i }"] },
  {
    name: "gawk match",
    command: after(TEXT, "gawk '/99/ { n++ } END { print n }' big.txt"),
    needs: ["gawk"],
  },
  { name: "grep -c", command: after(TEXT, "grep -c 7 big.txt") },
  { name: "grep -r", command: ["grep", "-r", "a", "."] },
  { name: "cut -d", command: ["cut", "-d:", "-f1", "/etc/passwd"] },
  { name: "tr", command: after("", "tr a-z A-Z < a.txt") },
  { name: "md5sum", command: ["md5sum", "a.txt", "dir/b.txt"] },
  { name: "base64", command: ["base64", "a.txt"] },
  { name: "od -c", command: ["od", "-c", "a.txt"] },
  { name: "xxd", command: ["xxd", "a.txt"], needs: ["xxd"] },
  { name: "tac", command: ["tac", "/etc/passwd"] },
  { name: "nl", command: ["nl", "a.txt"] },
  { name: "diff -u", command: after("echo gamma > c.txt", "diff -u a.txt c.txt") },
  { name: "cmp", command: ["cmp", "a.txt", "dir/b.txt"] },
  { name: "split -l", command: after(TEXT, "split -l 1000 big.txt part.") },
  { name: "tee", command: after("", "tee copy.txt < a.txt") },
  { name: "comm", command: after("sort /etc/passwd > p1 && sort /etc/group > p2", "comm -12 p1 p2") },
  {
    name: "patch",
    command: after("echo gamma > c.txt && diff -u a.txt c.txt > d.patch", "patch -s a.txt d.patch"),
    needs: ["patch"],
  },
  { name: "jq", command: after("echo '{\"a\":[1,2]}' > j.json", "jq .a j.json"), needs: ["jq"] },
  // Databases and build tools
  { name: "sqlite3 memory", command: ["sqlite3", ":memory:", "select 1 + 1;"], needs: ["sqlite3"] },
  // The journal stays in memory: an on-disk one starts with a nonce from /dev/urandom.
  {
    name: "sqlite3 file",
    command: [
      "sqlite3",
      "t.db",
      "pragma journal_mode=memory; create table t(x); insert into t values (42); select * from t;",
    ],
    needs: ["sqlite3"],
  },
  {
    name: "sqlite3 query",
    command: after(
      "sqlite3 t.db 'create table t(x); insert into t values (7);'",
      "sqlite3 t.db 'select x * 2 from t;'",
    ),
    needs: ["sqlite3"],
  },
  { name: "make", command: after(MAKEFILE, "make -s"), needs: ["make"] },
  { name: "make up to date", command: after(`${MAKEFILE} && make -s`, "make -s"), needs: ["make"] },
  { name: "make -n", command: after(MAKEFILE, "make -n"), needs: ["make"] },
  // Package tools, binary inspectors, system queries: what people trace when one misbehaves
  { name: "dpkg-query -W", command: ["dpkg-query", "-W", "coreutils"], needs: ["dpkg-query"] },
  { name: "apt-cache policy", command: ["apt-cache", "policy", "coreutils"], needs: ["apt-cache"] },
  { name: "file", command: ["file", "a.txt", "/bin/true"], needs: ["file"] },
  { name: "readelf -h", command: ["readelf", "-h", "/bin/true"], needs: ["readelf"] },
  { name: "objdump -h", command: ["objdump", "-h", "/bin/true"], needs: ["objdump"] },
  { name: "nm -D", command: ["nm", "-D", "/bin/true"], needs: ["nm"] },
  { name: "strings -n 8", command: ["strings", "-n", "8", "/bin/true"], needs: ["strings"] },
  { name: "openssl dgst", command: ["openssl", "dgst", "-sha256", "a.txt"], needs: ["openssl"] },
  { name: "gpg --version", command: ["gpg", "--homedir", ".", "--version"], needs: ["gpg"] },
  { name: "cmake --version", command: ["cmake", "--version"], needs: ["cmake"] },
  { name: "lz4", command: ["lz4", "-q", "a.txt"], needs: ["lz4"] },
  { name: "iconv", command: ["iconv", "-f", "utf-8", "-t", "utf-16", "a.txt"], needs: ["iconv"] },
  { name: "cksum", command: ["cksum", "a.txt"] },
  { name: "getent passwd", command: ["getent", "passwd", "root"], needs: ["getent"] },
  { name: "id", command: ["id"] },
  { name: "locale", command: ["locale"], needs: ["locale"] },
  { name: "date -u", command: ["date", "-u", "-d", "@0"] },
  { name: "df", command: ["df", "/"] },
  { name: "uname -a", command: ["uname", "-a"] },
  { name: "ln -s and mv", command: after("ln -s a.txt l", "mv l m") },
  { name: "xargs", command: after("", "echo a.txt dir | xargs ls -d") },
  // Network clients: nothing listens on port 1, so each gets ECONNREFUSED, every run alike
  { name: "curl file://", command: ["curl", "-s", "file:///etc/hostname"], needs: ["curl"] },
  { name: "curl refused", command: ["curl", "-s", "http://127.0.0.1:1/"], needs: ["curl"] },
  { name: "wget refused", command: ["wget", "-q", "-t", "1", "http://127.0.0.1:1/"], needs: ["wget"] },
  // System queries and admin tools: what people trace when a machine misbehaves. (Left out, as
  // their traces differ run to run: `ss -xa` lists the machine's live unix sockets, rsync sends a
  // random checksum seed, ldd's shell reaps its children as the scheduler decides.)
  { name: "ss -tln", command: ["ss", "-tln"], needs: ["ss"] },
  { name: "free", command: ["free", "-k"], needs: ["free"] },
  { name: "hostname", command: ["hostname"], needs: ["hostname"] },
  {
    name: "gcc -c",
    command: after("printf 'int f(void){return 1;}\\n' > f.c", "gcc -c f.c"),
    needs: ["gcc"],
  },
  {
    name: "f gcc -c",
    options: ["-f", "-e", "trace=process,%file"],
    command: after("printf 'int f(void){return 1;}\\n' > f.c", "gcc -c f.c"),
    needs: ["gcc"],
  },
  { name: "git clone local", command: after(GIT_REPO, "git clone -q . clone"), needs: ["git"] },
  { name: "column -t", command: ["column", "-t", "a.txt"], needs: ["column"] },
  { name: "hexdump -C", command: ["hexdump", "-C", "a.txt"], needs: ["hexdump"] },
  { name: "bc", command: after("echo '2^64' > e.bc", "bc -q e.bc"), needs: ["bc"] },
  // Heavier interpreters
  { name: "pip --version", command: ["/usr/bin/python3", "-m", "pip", "--version"] },
  {
    name: "node -e",
    options: ["-e", "trace=%file,write"],
    command: ["node", "-e", "console.log(1 + 1)"],
    needs: ["node"],
  },
  {
    name: "node fs",
    options: ["-e", "trace=%file,read,write"],
    command: ["node", "-e", "require('fs').writeFileSync('n.txt', require('fs').readFileSync('a.txt'))"],
    needs: ["node"],
  },
];
