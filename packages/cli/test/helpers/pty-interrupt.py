# Runs a tracer (argv) on a pseudo-terminal, as a user would in a shell: once the traced
# `sh -c 'sleep 71 & sleep 72 & wait'` and its sleeps sleep, types the key (Ctrl-C: \x03,
# Ctrl-\: \x1c), which signals the whole foreground process group, tracer and tracees alike.
# Prints JSON: the tracer's exit status (128+N when killed), what it wrote, and the states of
# the processes left in its session. Cleans up those survivors.
import json, os, pty, select, sys, time

key = bytes([int(sys.argv[1])])
tracer = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(tracer[0], tracer + ["-f", "sh", "-c", "sleep 71 & sleep 72 & wait"])
out = b""

def pump(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                return

def session():
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == pid:
            continue
        try:
            stat = open(f"/proc/{name}/stat").read()
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[3]) == pid:
                wchan = open(f"/proc/{name}/wchan").read()
                found.append((int(name), stat[stat.index("(") + 1:stat.rindex(")")], fields[0], wchan))
        except OSError:
            pass
    return found

deadline = time.time() + 60
while time.time() < deadline:
    procs = session()
    if sum(1 for p in procs if p[1] == "sh" and "sigsuspend" in p[3]) == 1 and sum(
        1 for p in procs if p[1] == "sleep" and "nanosleep" in p[3]
    ) == 2:
        break
    pump(0.05)
pump(0.2)
os.write(fd, key)
pump(0.5)
_, status = os.waitpid(pid, 0)
pump(0.2)
time.sleep(0.3)
left = session()
print(json.dumps({
    "status": os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status),
    "output": out.decode(errors="replace"),
    "survivors": sorted(f"{p[1]}:{'dead' if p[2] in 'ZX' else 'live'}" for p in left),
}))
for p in left:
    try:
        os.kill(p[0], 9)
    except OSError:
        pass
