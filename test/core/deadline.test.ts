/** Answering before a platform's deadline, else deferring: driven by a hand-fired timer, never the wall clock. */
import { describe, expect, it } from "vitest";
import { answerBeforeDeadline, type DeadlineAnswer } from "../../src/core/deadline.ts";
import { deferred } from "../support/deferred.ts";
import { createManualTimers } from "../support/manual-timers.ts";

function recorder(): DeadlineAnswer<string> & { calls: string[]; deferred: Promise<void> } {
  const calls: string[] = [];
  const deferral = deferred();
  return {
    calls,
    deferred: deferral.promise,
    reply: async (result) => {
      calls.push(`reply:${result}`);
    },
    defer: async () => {
      calls.push("defer");
      deferral.resolve();
    },
    replyLate: async (result) => {
      calls.push(`late:${result}`);
    },
  };
}

function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe("answerBeforeDeadline", () => {
  it("GIVEN work that answers before the deadline THEN it replies once, never defers, and no timer is left", async () => {
    const timers = createManualTimers();
    const answer = recorder();
    const result = await answerBeforeDeadline(Promise.resolve("done"), 2_000, answer, timers);
    expect(result).toBe("done");
    expect(answer.calls).toEqual(["reply:done"]);
    expect(timers.started()).toBe(1);
    expect(timers.live()).toBe(0);
  });

  it("GIVEN work still running at the deadline THEN it defers at once and replies late when the work answers", async () => {
    const timers = createManualTimers();
    const answer = recorder();
    const work = gate<string>();
    const answered = answerBeforeDeadline(work.promise, 2_000, answer, timers);
    await timers.whenStarted();
    timers.fireAll();
    await answer.deferred;
    expect(answer.calls).toEqual(["defer"]);
    work.open("slow");
    expect(await answered).toBe("slow");
    expect(answer.calls).toEqual(["defer", "late:slow"]);
    expect(timers.live()).toBe(0);
  });

  it("GIVEN work that fails before the deadline THEN the failure is the caller's, nothing is sent and the timer is gone", async () => {
    const timers = createManualTimers();
    const answer = recorder();
    const work = gate<string>();
    const answered = answerBeforeDeadline(work.promise, 2_000, answer, timers);
    await timers.whenStarted();
    work.fail(new Error("database down"));
    await expect(answered).rejects.toThrow("database down");
    expect(answer.calls).toEqual([]);
    expect(timers.live()).toBe(0);
  });

  it("GIVEN many quick answers THEN no timer outlives its request", async () => {
    const timers = createManualTimers();
    for (let i = 0; i < 50; i++) await answerBeforeDeadline(Promise.resolve(`r${i}`), 2_000, recorder(), timers);
    expect(timers.started()).toBe(50);
    expect(timers.live()).toBe(0);
  });
});
