/** The process logger: pino to stderr, pretty in a terminal and JSON otherwise, or JSON lines to a file. */
import pino from "pino";
import type { Logger } from "./core/logger.ts";

export interface LoggerOptions {
  /** Write here instead of stderr (an interactive console keeps log lines out of the conversation). */
  file?: string;
}

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  if (options.file) {
    return pino({ level }, pino.destination({ dest: options.file, mkdir: true, sync: true })) as unknown as Logger;
  }
  const destination = 2;
  if (process.stderr.isTTY) {
    return pino({
      level,
      transport: { target: "pino-pretty", options: { destination, colorize: true, ignore: "pid,hostname" } },
    }) as unknown as Logger;
  }
  return pino({ level }, pino.destination({ dest: destination, sync: true })) as unknown as Logger;
}
