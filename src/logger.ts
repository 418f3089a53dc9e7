/** The process logger: pino to stderr, pretty in a terminal and JSON otherwise, or JSON lines to a file; secrets redacted. */
import pino, { type DestinationStream, type LoggerOptions as PinoOptions } from "pino";
import type { Logger } from "./core/logger.ts";

export interface LoggerOptions {
  /** Write here instead of stderr (an interactive console keeps log lines out of the conversation). */
  file?: string;
  /** Write JSON lines here instead (tests read what would be logged). */
  stream?: DestinationStream;
}

/** Keys whose values never reach a log, at the top or one level down (errors are logged as errorFacts; this is the net). */
const SECRET_KEYS = [
  "token",
  "botToken",
  "appToken",
  "accessToken",
  "clientSecret",
  "signingSecret",
  "stateSecret",
  "secret",
  "password",
  "authorization",
  "Authorization",
  "url",
  "requestBody",
  "body",
  "rawError",
  "config",
];

/** Where pino censors them: the key itself, one level down, and inside headers. */
export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  "headers.authorization",
  "headers.Authorization",
  "*.headers.authorization",
  "*.headers.Authorization",
];

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const settings: PinoOptions = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  if (options.stream) return pino(settings, options.stream) as unknown as Logger;
  if (options.file) {
    return pino(settings, pino.destination({ dest: options.file, mkdir: true, sync: true })) as unknown as Logger;
  }
  const destination = 2;
  if (process.stderr.isTTY) {
    return pino({
      ...settings,
      transport: { target: "pino-pretty", options: { destination, colorize: true, ignore: "pid,hostname" } },
    }) as unknown as Logger;
  }
  return pino(settings, pino.destination({ dest: destination, sync: true })) as unknown as Logger;
}
