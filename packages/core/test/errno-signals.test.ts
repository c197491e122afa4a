import { describe, expect, it } from "vitest";
import { errnoMessage, errnoName, errnos, signalName, signals } from "../src/index.js";

describe("errno", () => {
  it("names and messages", () => {
    expect(errnoName(2)).toBe("ENOENT");
    expect(errnoMessage(2)).toBe("No such file or directory");
    expect(errnoName(11)).toBe("EAGAIN");
    expect(errnoName(35)).toBe("EDEADLK");
    expect(errnoMessage(9)).toBe("Bad file descriptor");
    expect(errnoName(512)).toBe("ERESTARTSYS");
    expect(errnoMessage(512)).toBe("To be restarted if SA_RESTART is set");
    expect(errnoMessage(513)).toBe("To be restarted");
    expect(errnoMessage(514)).toBe("To be restarted if no handler");
    expect(errnoMessage(516)).toBe("Interrupted by signal");
    expect(errnoMessage(515)).toBe("Unknown error 515");
    expect(errnoName(4095)).toBeUndefined();
    expect(errnoMessage(4095)).toBe("Unknown error 4095");
  });
  it("is unique and ascending", () => {
    expect(new Set(errnos.map((e) => e.value)).size).toBe(errnos.length);
    expect(new Set(errnos.map((e) => e.name)).size).toBe(errnos.length);
    expect(errnos.length).toBeGreaterThan(140);
  });
});

describe("signals", () => {
  it("names as strace prints them", () => {
    expect(signalName(17)).toBe("SIGCHLD");
    expect(signalName(6)).toBe("SIGABRT");
    expect(signalName(29)).toBe("SIGIO");
    expect(signalName(31)).toBe("SIGSYS");
    expect(signalName(32)).toBe("SIGRTMIN");
    expect(signalName(33)).toBe("SIGRT_1");
    expect(signalName(36)).toBe("SIGRT_4"); // kill -s RTMIN+2 (glibc SIGRTMIN is 34)
    expect(signalName(64)).toBe("SIGRT_32");
    expect(signalName(65)).toBe("65");
    expect(signals.length).toBe(64);
  });
});
