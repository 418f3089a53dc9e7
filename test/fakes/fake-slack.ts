/** A local stand-in for Slack's Web API and response_url endpoints: records every call, answers from a directory, fails on demand. */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type FakeChannelSpec,
  type FakeOAuthGrant,
  FakeSlackDirectory,
  type FakeTeamSpec,
  type FakeUserSpec,
  type PostedMessage,
  type SlackAnswer,
} from "./fake-slack-directory.ts";

export type { FakeChannelSpec, FakeOAuthGrant, FakeTeamSpec, FakeUserSpec, PostedMessage };

/** How the fake answers one call instead of the normal answer. */
export type FakeSlackFault =
  /** HTTP 429 `{ ok: false, error: "ratelimited" }`, with `Retry-After: <seconds>` unless omitted. */
  | { status: 429; retryAfter?: number }
  /** An HTTP error status: WebClient never reads the body. */
  | { status: 500 | 502 | 503 | 504 }
  /** HTTP 200 `{ ok: false, error }`, Slack's way of refusing a call. */
  | { error: string }
  /** Answers normally after the delay, having done the work: a client that timed out may have succeeded anyway. */
  | { delayMs: number };

/** One Web API call as it reached the fake. */
export interface FakeSlackCall {
  /** Web API method, e.g. `chat.postMessage`. */
  method: string;
  /** From `Authorization: Bearer …` (how WebClient sends it), else from a `token` form field. */
  token: string | undefined;
  /** Form fields; `blocks`, `view`, `attachments` and `metadata` parsed from their JSON strings. */
  params: Record<string, unknown>;
  /** The injected fault this call consumed, if any. */
  fault: FakeSlackFault | undefined;
  /** `Date.now()` when the call arrived. */
  receivedAt: number;
  /** Whether the fake has answered it yet (a `delayMs` fault answers late, after any effect has happened). */
  answered: boolean;
}

/** One POST to a response_url. */
export interface FakeSlackResponse {
  /** The JSON body (Bolt's `respond()` sends `{ text, blocks, response_type, replace_original, … }`). */
  body: unknown;
  receivedAt: number;
}

export interface FakeSlackOptions {
  /** `oauth.v2.access` refuses other client ids when set. */
  clientId?: string;
  /** `oauth.v2.access` refuses other client secrets when set. */
  clientSecret?: string;
  /** The app id the fake reports (`app_id`); `A0FAKEAPP` by default. */
  appId?: string;
}

const JSON_FIELDS = ["blocks", "view", "attachments", "metadata"];
const DEFAULT_WAIT_MS = 3000;

/** Starts a fake Slack on 127.0.0.1 at a free port. */
export function createFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  return FakeSlack.start(options);
}

export class FakeSlack {
  private readonly server: Server;
  private readonly directory: FakeSlackDirectory;
  private readonly arrivals = new EventEmitter();
  private readonly shutdown = new AbortController();
  private readonly faults = new Map<string, FakeSlackFault[]>();
  private recorded: FakeSlackCall[] = [];
  private responded = new Map<string, FakeSlackResponse[]>();
  private origin = "";

  /** Prefer `createFakeSlack`. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await fake.listen();
    return fake;
  }

  private constructor(options: FakeSlackOptions) {
    this.directory = new FakeSlackDirectory({ ...options, appId: options.appId ?? "A0FAKEAPP" });
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`fake Slack failed: ${String(error)}`);
      });
    });
  }

  /** The value for WebClient's and Bolt's `slackApiUrl`, with the trailing slash they expect. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  /** Every Web API call since start or `reset()`, in arrival order, including unknown methods and faulted calls. */
  get calls(): readonly FakeSlackCall[] {
    return this.recorded;
  }

  callsTo(method: string): FakeSlackCall[] {
    return this.recorded.filter((call) => call.method === method);
  }

  /** The first call to `method` matching `predicate`, already recorded or still to come; rejects after `timeoutMs`. */
  waitFor(
    method: string,
    predicate: (call: FakeSlackCall) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<FakeSlackCall> {
    const matches = (call: FakeSlackCall) => call.method === method && predicate(call);
    return this.waitForEvent(
      "call",
      () => this.recorded.find(matches),
      timeoutMs,
      () => {
        const seen = this.recorded.map((call) => call.method).join(", ") || "none";
        return `fake Slack: no matching ${method} call within ${timeoutMs} ms (calls so far: ${seen})`;
      },
    );
  }

  /** Forgets calls, posted messages, home views, responses and pending faults; keeps workspaces, members, channels. */
  reset(): void {
    this.recorded = [];
    this.responded = new Map();
    this.faults.clear();
    this.directory.clearActivity();
  }

  addTeam(team: FakeTeamSpec): void {
    this.directory.addTeam(team);
  }

  addUser(teamId: string, user: FakeUserSpec): void {
    this.directory.addUser(teamId, user);
  }

  addChannel(teamId: string, channel: FakeChannelSpec): void {
    this.directory.addChannel(teamId, channel);
  }

  /** `oauth.v2.access` with this code installs the app in the grant's workspace (once; codes are single use). */
  setOAuthGrant(code: string, grant: FakeOAuthGrant): void {
    this.directory.setOAuthGrant(code, grant);
  }

  /** Every token of the workspace answers `token_revoked` from now on, as after an uninstall. */
  revokeTeam(teamId: string): void {
    this.directory.revokeTeam(teamId);
  }

  /** Messages `chat.postMessage` accepted into the conversation and not deleted since, oldest first; DMs are `D<userId>`. */
  messages(channelId: string): PostedMessage[] {
    return this.directory.messages(channelId);
  }

  /** A member's own message in the channel, as if they typed it (the bot may not delete it); returns its ts. */
  addMemberMessage(teamId: string, channel: string, userId: string, text: string): string {
    return this.directory.addMemberMessage(teamId, channel, userId, text);
  }

  /** The view last published to the member's App Home, as the fake answered it (with `blocks` as sent). */
  homeView(userId: string): Record<string, unknown> | undefined {
    return this.directory.homeView(userId) as Record<string, unknown> | undefined;
  }

  /** The next `count` calls to `method` get `fault` instead of their answer; queued faults are used in order. A status fault for `response_url` fails the next POSTs to any response_url (they are still recorded). */
  failNext(method: string, fault: FakeSlackFault, count = 1): void {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(fault);
    this.faults.set(method, queue);
  }

  /** A response_url for slash commands and actions; POSTs to it are recorded under `id`. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${encodeURIComponent(id)}`;
  }

  responses(id: string): FakeSlackResponse[] {
    return this.responded.get(id) ?? [];
  }

  /** The first POST to `responseUrl(id)`, already received or still to come; rejects after `timeoutMs`. */
  waitForResponse(id: string, timeoutMs = DEFAULT_WAIT_MS): Promise<FakeSlackResponse> {
    return this.waitForEvent(
      "response",
      () => this.responses(id)[0],
      timeoutMs,
      () => `fake Slack: nothing posted to response_url ${id} within ${timeoutMs} ms`,
    );
  }

  /** Stops listening, drops keep-alive connections and abandons delayed answers. */
  async close(): Promise<void> {
    this.shutdown.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
  }

  private waitForEvent<T>(
    event: "call" | "response",
    find: () => T | undefined,
    timeoutMs: number,
    describeTimeout: () => string,
  ): Promise<T> {
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
        reject(new Error(describeTimeout()));
      }, timeoutMs);
      const stop = () => {
        clearTimeout(timer);
        this.arrivals.off(event, check);
      };
      this.arrivals.on(event, check);
    });
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? "/", this.origin);
    const body = await readBody(request);
    if (request.method === "POST" && pathname.startsWith("/api/")) {
      await this.answerApiCall(pathname.slice("/api/".length), request, body, response);
    } else if (request.method === "POST" && pathname.startsWith("/response/")) {
      this.recordResponse(decodeURIComponent(pathname.slice("/response/".length)), body, response);
    } else {
      sendJson(response, 404, { ok: false, error: "fake_slack_no_such_path" });
    }
  }

  private async answerApiCall(
    method: string,
    request: IncomingMessage,
    body: string,
    response: ServerResponse,
  ): Promise<void> {
    const params = parseParams(request.headers["content-type"], body);
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof params.token === "string" ? params.token : undefined);
    delete params.token;
    const fault = this.faults.get(method)?.shift();
    const call: FakeSlackCall = { method, token, params, fault, receivedAt: Date.now(), answered: false };
    this.recorded.push(call);
    this.arrivals.emit("call");

    if (fault !== undefined && "delayMs" in fault) {
      const stillOpen = await sleep(fault.delayMs, true, { signal: this.shutdown.signal }).catch(() => false);
      if (!stillOpen) return;
    }
    this.answer(call, response);
    call.answered = true;
    // A second event for the same call, so a test can wait for its answer as well as its arrival.
    this.arrivals.emit("call");
  }

  private answer(call: FakeSlackCall, response: ServerResponse): void {
    const { method, token, params, fault } = call;
    if (fault !== undefined && "status" in fault) {
      const headers: Record<string, string> =
        fault.status === 429 && fault.retryAfter !== undefined ? { "retry-after": `${fault.retryAfter}` } : {};
      const error = fault.status === 429 ? "ratelimited" : "fake_slack_http_error";
      sendJson(response, fault.status, { ok: false, error }, headers);
      return;
    }
    if (fault !== undefined && "error" in fault) {
      sendJson(response, 200, { ok: false, error: fault.error });
      return;
    }
    const answer: SlackAnswer = this.directory.answer(method, token, params) ?? { ok: false, error: "unknown_method" };
    sendJson(response, 200, answer);
  }

  private recordResponse(id: string, body: string, response: ServerResponse): void {
    const list = this.responded.get(id) ?? [];
    list.push({ body: parseJsonOrKeep(body), receivedAt: Date.now() });
    this.responded.set(id, list);
    this.arrivals.emit("response");
    const fault = this.faults.get("response_url")?.shift();
    if (fault !== undefined && "status" in fault)
      sendJson(response, fault.status, { ok: false, error: "fake_slack_http_error" });
    else sendJson(response, 200, { ok: true });
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

/** WebClient form-encodes every argument, turning objects into JSON strings; JSON bodies are accepted too. */
function parseParams(contentType: string | undefined, body: string): Record<string, unknown> {
  if (contentType?.startsWith("application/json")) {
    const parsed = parseJsonOrKeep(body);
    return typeof parsed === "object" && parsed !== null ? { ...parsed } : {};
  }
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
  for (const field of JSON_FIELDS) {
    if (typeof params[field] === "string") params[field] = parseJsonOrKeep(params[field]);
  }
  return params;
}

function parseJsonOrKeep(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // A client that timed out has gone; answering into its closed socket would only raise noise.
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}
