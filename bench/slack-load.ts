/** Drives Slack latency runs from the main thread: the fake Slack and the load generator live in a worker (load-worker.ts). */
import { Worker } from "node:worker_threads";

export interface LoadWorkerData {
  members: number;
  teamId: string;
  botToken: string;
  signingSecret: string;
  seed: number;
}

/** `status`: any 200 will do (bare acks); `text`: the ack must carry a text; `reply`: it must carry the core's reply, not an apology (refusals are counted). */
export type AnswerCheck = "status" | "text" | "reply";

export type WorkerCall =
  | {
      op: "load";
      targetUrl: string;
      /** Targets with the same stream name get the same commands in the same order. */
      stream: string;
      /** `warmup`: every member's first `apply`; `measure`: `requests` commands from the mix. */
      phase: "warmup" | "measure";
      concurrency: number;
      requests: number;
      check: AnswerCheck;
    }
  | { op: "homeBacklog" }
  | { op: "reset" }
  | { op: "close" };

export type WorkerAnswer =
  | {
      op: "load";
      latenciesMs: Float64Array;
      errors: number;
      elapsedMs: number;
      /** Answers where the core politely refused (e.g. a round for a company already closed). */
      refusals: number;
      /** Replies posted to response_url because the core missed the acknowledgement deadline. */
      late: number;
    }
  | {
      op: "homeBacklog";
      /** Members whose App Home has not been published since their last command was answered. */
      waiting: number;
      /** App Home publishes since the last reset (fewer than commands when the adapter coalesces a member's burst). */
      publishes: number;
    }
  | { op: "reset" }
  | { op: "close" };

export type LoadRun = Extract<WorkerAnswer, { op: "load" }>;

export interface HomeDrain {
  waitedMs: number;
  publishes: number;
  /** Members still without a fresh App Home when the wait gave up (0 when drained). */
  waiting: number;
}

export interface SlackLoad {
  /** The fake Slack's Web API base URL, for `slackApiUrl`. */
  fakeUrl: string;
  load(call: Omit<Extract<WorkerCall, { op: "load" }>, "op">): Promise<LoadRun>;
  /** Waits until every member who sent a command has had their App Home published after it was answered. */
  waitForHomes(timeoutMs?: number): Promise<HomeDrain>;
  /** Forgets what the fake recorded. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackLoad(data: LoadWorkerData): Promise<SlackLoad> {
  // The worker registers tsx itself: Node 20 does not apply a parent's `--import tsx` to a worker's entry module.
  const entry = JSON.stringify(new URL("./load-worker.ts", import.meta.url).href);
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); })`;
  const worker = new Worker(boot, { eval: true, workerData: data });
  const pending = new Map<number, { resolve(answer: WorkerAnswer): void; reject(error: Error): void }>();
  let calls = 0;
  const fakeUrl = await new Promise<string>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (message: { ready: string }) => resolve(message.ready));
  });
  worker.on("message", (message: { id: number; result?: WorkerAnswer; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(`load worker: ${message.error}`));
    else waiting?.resolve(message.result as WorkerAnswer);
  });
  worker.on("error", (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });

  function call<T extends WorkerAnswer>(request: WorkerCall): Promise<T> {
    const id = ++calls;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (answer: WorkerAnswer) => void, reject });
      worker.postMessage({ id, call: request });
    });
  }

  return {
    fakeUrl,
    load: (request) => call<LoadRun>({ op: "load", ...request }),
    async waitForHomes(timeoutMs = 60_000) {
      const started = performance.now();
      for (;;) {
        const backlog = await call<Extract<WorkerAnswer, { op: "homeBacklog" }>>({ op: "homeBacklog" });
        const waitedMs = performance.now() - started;
        if (backlog.waiting === 0 || waitedMs > timeoutMs) {
          return { waitedMs, publishes: backlog.publishes, waiting: backlog.waiting };
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async reset() {
      await call({ op: "reset" });
    },
    async close() {
      await call({ op: "close" });
      await worker.terminate();
    },
  };
}
