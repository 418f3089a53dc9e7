/** A small closed-loop HTTP load generator: `concurrency` senders over keep-alive sockets, one latency sample per request. */
import { Agent, request as httpRequest } from "node:http";

/** One request to send. */
export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What a request got back; `check` decides whether it counts as an error. */
export interface LoadAnswer {
  status: number;
  body: string;
}

export interface LoadOptions {
  /** The target's origin, e.g. `http://127.0.0.1:3000`. */
  url: string;
  concurrency: number;
  requests: number;
  /** Builds request `index` (0-based) just before it is sent, so signatures carry a fresh timestamp. */
  build(index: number): LoadRequest;
  /** Whether the answer to request `index` is the one expected; false counts as an error. */
  check(index: number, answer: LoadAnswer): boolean;
  /** Gives up on one request after this long (counted as an error); 10 s unless given. */
  timeoutMs?: number;
  /** Answers slower than this count as errors even when right (Slack shows the member an error after 3 s). */
  deadlineMs?: number;
}

export interface LoadResult {
  /** Milliseconds from sending to the full answer, in completion order. */
  latenciesMs: Float64Array;
  errors: number;
  /** From the first send to the last answer. */
  elapsedMs: number;
}

/** Sends `requests` requests with at most `concurrency` in flight and waits for every answer. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs = new Float64Array(options.requests);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let nextIndex = 0;
  let done = 0;
  let errors = 0;

  async function sender(): Promise<void> {
    while (nextIndex < options.requests) {
      const index = nextIndex++;
      const request = options.build(index);
      const started = performance.now();
      const answer = await send(agent, target, request, timeoutMs).catch(() => undefined);
      const latencyMs = performance.now() - started;
      latenciesMs[done++] = latencyMs;
      const late = options.deadlineMs !== undefined && latencyMs > options.deadlineMs;
      if (!answer || !options.check(index, answer) || late) errors += 1;
    }
  }

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, sender));
  } finally {
    agent.destroy();
  }
  return { latenciesMs, errors, elapsedMs: performance.now() - started };
}

function send(agent: Agent, target: URL, request: LoadRequest, timeoutMs: number): Promise<LoadAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: request.path,
        method: "POST",
        headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}
