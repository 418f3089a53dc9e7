/** Captures what a pino logger writes (through a destination stream passed in) and waits for a given line, without timers. */
import { Writable } from "node:stream";

export interface LogCapture {
  /** The stream to pass to `createLogger(..., { stream })`. */
  stream: Writable;
  /** Every line written so far, raw. */
  text(): string;
  /** Resolves with the first line whose `msg` is `message`, already written or still to come. */
  lineWith(message: string): Promise<Record<string, unknown>>;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const waiting: { message: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  const parsed = (line: string) => JSON.parse(line) as Record<string, unknown>;
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        lines.push(line);
        const entry = parsed(line);
        for (const waiter of waiting.filter((w) => w.message === entry.msg)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      }
      done();
    },
  });
  return {
    stream,
    text: () => lines.join("\n"),
    lineWith: (message) => {
      const found = lines.map(parsed).find((entry) => entry.msg === message);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ message, resolve }));
    },
  };
}
