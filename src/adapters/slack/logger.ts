/** Bolt's logger interface over the app's pino logger, so Slack's own messages land in the same structured log. */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../core/logger.ts";

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) =>
    parts.map((part) => (typeof part === "string" ? part : JSON.stringify(part))).join(" ");
  return {
    debug: (...parts) => logger.debug({ source: "bolt" }, text(parts)),
    info: (...parts) => logger.info({ source: "bolt" }, text(parts)),
    warn: (...parts) => logger.warn({ source: "bolt" }, text(parts)),
    error: (...parts) => logger.error({ source: "bolt" }, text(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
