/** Drives a Bolt HTTP app the way Slack does: signed slash commands, interactions and events over real HTTP. */
import { createHmac } from "node:crypto";
import type { SlashCommand } from "@slack/bolt";

export {
  buildAppHomeOpened,
  buildAppUninstalled,
  buildBlockAction,
  buildEventEnvelope,
  buildSlashCommand,
  buildTokensRevoked,
  buildUrlVerification,
  buildViewSubmission,
  stateValue,
} from "./slack-payloads.ts";

import { buildSlashCommand, type SlashCommandSpec } from "./slack-payloads.ts";

export type {
  ActionContainer,
  BlockActionSpec,
  EnvelopeOptions,
  SlashCommandSpec,
  ViewSubmissionSpec,
} from "./slack-payloads.ts";

/** Bolt's default endpoint for commands, events and interactivity alike. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Bolt compares the content type exactly: with a `; charset` suffix it parses a form body as JSON and answers 400. */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const JSON_CONTENT_TYPE = "application/json";

/** Bolt refuses timestamps older than five minutes; six is safely past that. */
const STALE_BY_SECONDS = 6 * 60;

export interface SlackSignatureHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
  "content-type": string;
}

/** How a request is signed: correctly, or in one of the ways Bolt must answer with 401. */
export type SlackSigning =
  | "valid"
  /** Signed with a different secret. */
  | "bad-signature"
  /** Correctly signed, but with a timestamp six minutes old. */
  | "stale-timestamp"
  /** No X-Slack-Signature or X-Slack-Request-Timestamp at all. */
  | "unsigned";

export interface SlackRequestOptions {
  /** Path on the app; `/slack/events` unless the app sets other endpoints. */
  path?: string;
  /** `valid` unless a test wants the request refused. */
  signing?: SlackSigning;
  /** Signs with this Unix time (seconds) instead of now; overrides the stale-timestamp offset. */
  timestampSeconds?: number;
  /** Sets X-Slack-Retry-Num and X-Slack-Retry-Reason, as Slack does when it redelivers an event. */
  retry?: { num: number; reason: string };
}

/** What the app answered. */
export interface SlackHttpResult {
  status: number;
  /** The raw body; empty for a bare `ack()`. */
  text: string;
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON (e.g. `ack("plain text")`). */
  json: unknown;
  /** Milliseconds from sending to the full answer, for checking Slack's 3-second deadline. */
  durationMs: number;
}

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256(secret, `v0:<timestamp>:<body>`). */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestampSeconds = nowSeconds(),
  contentType = body.trimStart().startsWith("{") ? JSON_CONTENT_TYPE : FORM_CONTENT_TYPE,
): SlackSignatureHeaders {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return {
    "x-slack-signature": `v0=${digest}`,
    "x-slack-request-timestamp": String(timestampSeconds),
    "content-type": contentType,
  };
}

/** A slash command, form-encoded and signed as Slack sends it. */
export function postSlashCommand(
  appUrl: string,
  signingSecret: string,
  command: SlashCommandSpec,
  options: SlackRequestOptions = {},
): Promise<SlackHttpResult> {
  const form = formEncode(buildSlashCommand(command));
  return postSigned(appUrl, signingSecret, form, FORM_CONTENT_TYPE, options);
}

/** A block action, view submission or other interaction: form-encoded `payload=<json>`, as Slack sends them. */
export function postInteraction(
  appUrl: string,
  signingSecret: string,
  payload: object,
  options: SlackRequestOptions = {},
): Promise<SlackHttpResult> {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(appUrl, signingSecret, form, FORM_CONTENT_TYPE, options);
}

/** An Events API delivery (`event_callback` envelope or `url_verification`) as a signed JSON body. */
export function postEvent(
  appUrl: string,
  signingSecret: string,
  envelope: object,
  options: SlackRequestOptions = {},
): Promise<SlackHttpResult> {
  return postSigned(appUrl, signingSecret, JSON.stringify(envelope), JSON_CONTENT_TYPE, options);
}

/** Posts any body with the signing the options ask for; the other helpers are built on it. */
export async function postSigned(
  appUrl: string,
  signingSecret: string,
  body: string,
  contentType: string,
  options: SlackRequestOptions = {},
): Promise<SlackHttpResult> {
  const signing = options.signing ?? "valid";
  const timestamp = options.timestampSeconds ?? nowSeconds() - (signing === "stale-timestamp" ? STALE_BY_SECONDS : 0);
  const secret = signing === "bad-signature" ? `${signingSecret}-but-not-quite` : signingSecret;
  const headers: Record<string, string> =
    signing === "unsigned"
      ? { "content-type": contentType }
      : { ...signSlackRequest(secret, body, timestamp, contentType) };
  if (options.retry !== undefined) {
    headers["x-slack-retry-num"] = String(options.retry.num);
    headers["x-slack-retry-reason"] = options.retry.reason;
  }
  const started = performance.now();
  const response = await fetch(new URL(options.path ?? SLACK_EVENTS_PATH, appUrl), { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, text, json: parseJson(text), durationMs: performance.now() - started };
}

function formEncode(command: SlashCommand): string {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(command)) {
    if (value !== undefined) fields[key] = String(value);
  }
  return new URLSearchParams(fields).toString();
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
