/** The process logger: pino to stderr, pretty in a terminal and JSON otherwise. */
import pino from "pino";
import type { Logger } from "./core/logger.ts";

export function createLogger(level: string): Logger {
  const destination = 2;
  if (process.stderr.isTTY) {
    return pino({
      level,
      transport: { target: "pino-pretty", options: { destination, colorize: true, ignore: "pid,hostname" } },
    }) as unknown as Logger;
  }
  return pino({ level }, pino.destination({ dest: destination, sync: true })) as unknown as Logger;
}
