/** Answering before a platform's deadline: reply with the work's result if it is ready in time, else defer and reply late. */

/** Where timers come from; tests pass one they fire by hand, so no test waits on the wall clock. */
export interface Timers {
  /** Calls `fire` once after `ms`; the handle cancels it. */
  start(ms: number, fire: () => void): unknown;
  cancel(handle: unknown): void;
}

export const systemTimers: Timers = {
  start(ms, fire) {
    const timer = setTimeout(fire, ms);
    // A pending deadline must never keep the process alive on its own.
    timer.unref?.();
    return timer;
  },
  cancel(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** What the platform lets an adapter do with one request. */
export interface DeadlineAnswer<T> {
  /** Answers in the acknowledgement itself (Slack's ack with a body, Discord's reply). */
  reply(result: T): Promise<void>;
  /** Acknowledges without an answer, buying time (Slack's bare ack, Discord's deferReply). */
  defer(): Promise<void>;
  /** Answers after a deferral (Slack's response_url, Discord's editReply). */
  replyLate(result: T): Promise<void>;
}

/**
 * Replies with `work`'s result if it settles within `deadlineMs`, else defers at the deadline and replies once it
 * settles. The timer is cancelled as soon as either happens, so none outlives its request. Resolves with the result.
 */
export async function answerBeforeDeadline<T>(
  work: Promise<T>,
  deadlineMs: number,
  answer: DeadlineAnswer<T>,
  timers: Timers = systemTimers,
): Promise<T> {
  let handle: unknown;
  const late = Symbol("late");
  const deadline = new Promise<typeof late>((resolve) => {
    handle = timers.start(deadlineMs, () => resolve(late));
  });
  let first: T | typeof late;
  try {
    first = await Promise.race([work, deadline]);
  } finally {
    timers.cancel(handle);
  }
  if (first !== late) {
    await answer.reply(first);
    return first;
  }
  await answer.defer();
  const result = await work;
  await answer.replyLate(result);
  return result;
}
