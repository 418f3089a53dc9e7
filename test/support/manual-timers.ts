/** A timer port tests fire by hand: it counts live timers, so a test sees whether a deadline was cleared, and never waits on the wall clock. */
import type { Timers } from "../../src/core/deadline.ts";

export interface ManualTimers extends Timers {
  /** Timers started and neither fired nor cancelled. */
  live(): number;
  /** How many timers were ever started. */
  started(): number;
  /** Fires every live timer now, as if its time had come. */
  fireAll(): void;
  /** Resolves once at least `count` timers have been started (the code under test reached its deadline's start). */
  whenStarted(count?: number): Promise<void>;
}

export function createManualTimers(): ManualTimers {
  const pending = new Map<number, () => void>();
  let next = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (next >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  return {
    start(_ms, fire) {
      const handle = ++next;
      pending.set(handle, fire);
      wake();
      return handle;
    },
    cancel(handle) {
      pending.delete(handle as number);
    },
    live: () => pending.size,
    started: () => next,
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const fire of due) fire();
    },
    whenStarted(count = 1) {
      if (next >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}
