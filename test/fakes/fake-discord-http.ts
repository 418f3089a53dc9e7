/** HTTP plumbing for the fake Discord: reading and recording requests, writing answers, waiting for something to arrive. */
import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FakeDiscordFault } from "./fake-discord-faults.ts";
import type { RestAnswer } from "./fake-discord-rest.ts";

/** One REST request as it reached the fake. */
export interface FakeDiscordRequest {
  method: string;
  /** Without `/api/v10` and percent-decoded: `/webhooks/{app}/{token}/messages/@original`. */
  path: string;
  /** As sent, e.g. `/api/v10/webhooks/…/messages/%40original`. */
  rawPath: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** `Bot <token>` from discord.js; absent on interaction callbacks and webhooks (discord.js sends them with `auth: false`). */
  authorization: string | undefined;
  /** Parsed JSON body, or the raw text of anything else (multipart uploads). */
  body: unknown;
  /** The status answered; undefined while a delayed answer is pending. */
  status: number | undefined;
  fault: FakeDiscordFault | undefined;
  receivedAt: number;
}

/** Reads a request into its record; the fault is the caller's to pick. */
export async function readRequest(request: IncomingMessage, origin: string): Promise<FakeDiscordRequest> {
  const url = new URL(request.url ?? "/", origin);
  const raw = await readBody(request);
  return {
    method: request.method ?? "GET",
    path: decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, "")),
    rawPath: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)])),
    authorization: request.headers.authorization,
    body: parseBody(request.headers["content-type"], raw),
    status: undefined,
    fault: undefined,
    receivedAt: Date.now(),
  };
}

export function sendAnswer(response: ServerResponse, answer: RestAnswer, headers: Record<string, string>): void {
  // A client that timed out has gone; answering into its closed socket would only raise noise.
  if (response.destroyed) return;
  if (answer.status === 204) {
    response.writeHead(204, headers);
    response.end();
    return;
  }
  response.writeHead(answer.status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(answer.body));
}

/** Lets tests wait for a condition that becomes true as requests and frames arrive. */
export class ActivityWaiter {
  private readonly changes = new EventEmitter().setMaxListeners(100);

  notify(): void {
    this.changes.emit("change");
  }

  /** Resolves with `find()`'s first defined result, checking now and after every change; rejects after `timeoutMs`. */
  waitFor<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const already = find();
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        stop();
        resolve(found);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`fake Discord: ${describe()} within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = () => {
        clearTimeout(timer);
        this.changes.off("change", check);
      };
      this.changes.on("change", check);
    });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function parseBody(contentType: string | undefined, raw: string): unknown {
  if (raw === "") return undefined;
  if (!contentType?.startsWith("application/json")) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
