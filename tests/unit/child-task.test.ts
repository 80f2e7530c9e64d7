// One request in, one result out, then the child exits: results come back
// whole, failures come back as rejections that say why, and a child that dies
// or is stopped never leaves the caller waiting.
import { describe, expect, it } from "vitest";
import { runChildTask, startChildTask } from "../../src/lib/child-task.ts";
import type { EchoRequest } from "../fixtures/child-task/echo-task.ts";

const echoTask = new URL("../fixtures/child-task/echo-task.ts", import.meta.url);
const run = (request: EchoRequest, signal?: AbortSignal) => runChildTask<EchoRequest, unknown>(echoTask, request, { name: "the echo task", signal });

describe("runChildTask", { timeout: 30_000 }, () => {
  it("resolves with the child's result, Maps, Sets and bytes included", async () => {
    const big = "x".repeat(5_000_000); // a reply far larger than a pipe's buffer, sent just before the child exits
    const echo = { map: new Map([["a", 1]]), set: new Set(["b"]), bytes: new Uint8Array([1, 2, 3]), big };
    expect(await run({ echo })).toEqual(echo);
  });

  it("rejects with the message of the error the task threw", async () => {
    await expect(run({ fail: "ENOTDIR: not a directory, mkdir '/x/out'" })).rejects.toThrow("ENOTDIR: not a directory, mkdir '/x/out'");
  });

  it("rejects, naming the task, when the child exits without answering", async () => {
    await expect(run({ exit: 3 })).rejects.toThrow("the echo task ended early (exit code 3)");
  });

  it("ends the child when its signal aborts", async () => {
    const stopping = new AbortController();
    const running = run({ wait: true }, stopping.signal);
    setTimeout(() => stopping.abort(), 500);
    await expect(running).rejects.toThrow(/abort/i);
  });

  it("starts a child ahead of its request, which it takes later", async () => {
    const task = startChildTask<EchoRequest, unknown>(echoTask, { name: "the echo task" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await task.run({ echo: "later" })).toBe("later");
  });

  it("ends a child started ahead and never sent a request when its signal aborts; no failure goes unhandled", async () => {
    const stopping = new AbortController();
    const task = startChildTask<EchoRequest, unknown>(echoTask, { name: "the echo task", signal: stopping.signal });
    stopping.abort();
    await new Promise((resolve) => setTimeout(resolve, 300)); // an unhandled rejection would fail the run by now
    await expect(task.run({ echo: "too late" })).rejects.toThrow(/abort/i);
  });
});
