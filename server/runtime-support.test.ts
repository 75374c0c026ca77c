import { describe, expect, it } from "vitest";
import { stopInOrder } from "./runtime-support";

describe("stopping a server step by step", () => {
  it("names a step that hangs, passes over it, and still runs the later steps in order", async () => {
    const ran: string[] = [];
    const problems = await stopInOrder(
      [
        { name: "HTTP server", stop: () => void ran.push("http") },
        {
          name: "event relay",
          stop: () => new Promise<void>(() => ran.push("relay")),
        },
        {
          name: "print spool",
          stop: () => Promise.reject(new Error("printer socket refused")),
        },
        { name: "database", stop: async () => void ran.push("db") },
      ],
      50,
    );
    expect(ran).toEqual(["http", "relay", "db"]);
    expect(problems).toEqual([
      "event relay did not finish within 0.05 s",
      "print spool failed: printer socket refused",
    ]);
  });

  it("answers no problems when every step finishes", async () => {
    expect(
      await stopInOrder(
        [
          { name: "a", stop: () => undefined },
          { name: "b", stop: async () => undefined },
        ],
        1000,
      ),
    ).toEqual([]);
  });

  it("reports a step that throws before it returns a promise", async () => {
    const problems = await stopInOrder(
      [
        {
          name: "announcement",
          stop: () => {
            throw new Error("read-only file system");
          },
        },
      ],
      1000,
    );
    expect(problems).toEqual(["announcement failed: read-only file system"]);
  });
});
