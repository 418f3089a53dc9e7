/** Bolt's logger interface over the app's pino logger: Slack's own lines in the same log, without tokens or payloads. */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import { errorFacts } from "../../core/error-facts.ts";
import type { Logger } from "../../core/logger.ts";

/** Tokens (bot, user, app, config), and the secret tails of response_url and webhook addresses. */
const SECRETS: [RegExp, string][] = [
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, "[redacted]"],
  [/(hooks\.slack\.com\/)[^\s"']+/g, "$1[redacted]"],
  [/(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?]+/g, "$1[redacted]"],
];

/**
 * The Web API client logs request bodies, headers and results at debug level ("http request body: {…}"): they
 * carry what members typed, so anything from the first brace on is cut, and objects are not written at all.
 */
export function safeLogText(parts: unknown[]): string {
  const words = parts.map((part) => {
    if (typeof part === "string") return part;
    if (part instanceof Error) return JSON.stringify(errorFacts(part));
    return "[object]";
  });
  let text = words.join(" ");
  for (const [pattern, replacement] of SECRETS) text = text.replace(pattern, replacement);
  const brace = text.search(/[{[](?!object\]|redacted\])/);
  return brace < 0 ? text : `${text.slice(0, brace)}{…}`;
}

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...parts) => logger.debug({ source: "bolt" }, safeLogText(parts)),
    info: (...parts) => logger.info({ source: "bolt" }, safeLogText(parts)),
    warn: (...parts) => logger.warn({ source: "bolt" }, safeLogText(parts)),
    error: (...parts) => logger.error({ source: "bolt" }, safeLogText(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
