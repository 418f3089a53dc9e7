/** Runs the real entry points (`src/bin/start.ts`, `src/bin/jobs.ts`) as child processes and reads their labelled output back. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a child gets: ours without any database URL (so PGlite is used), plus `overrides`. */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", ...overrides };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  return env;
}

/** A running child whose output is collected as it comes. */
export interface RunningChild {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once `stream` (stdout by default) contains `text`; rejects if the child exits first or after `timeoutMs`. */
  waitForOutput(text: string, timeoutMs?: number, stream?: "stdout" | "stderr"): Promise<void>;
  finished: Promise<Finished>;
}

/** Where a child runs: the repository root unless `cwd` says otherwise (e.g. a directory holding a `.env`). */
export interface ChildOptions {
  cwd?: string;
}

/** Starts `node --import tsx <script> <args>`, the script and tsx found from the repository whatever the working directory. */
export function startNode(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  options: ChildOptions = {},
): RunningChild {
  const loader = options.cwd ? import.meta.resolve("tsx") : "tsx";
  const path = options.cwd ? join(REPO_ROOT, script) : script;
  return startProcess(process.execPath, ["--import", loader, path, ...args], env, options);
}

export function startProcess(
  executable: string,
  args: readonly string[],
  env: Record<string, string>,
  options: ChildOptions = {},
): RunningChild {
  const child = spawn(executable, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: childEnvironment(env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  let exited = false;
  void finished.finally(() => {
    exited = true;
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    waitForOutput(text, timeoutMs = 30_000, stream = "stdout") {
      const printed = () => (stream === "stdout" ? stdout : stderr);
      const source = stream === "stdout" ? child.stdout : child.stderr;
      // Checked on each chunk of output and at exit: events, not polling. The timer only bounds a child that hangs.
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (printed().includes(text)) settle(resolve);
          else if (exited)
            settle(() =>
              reject(new Error(`Child exited before printing ${JSON.stringify(text)}:\n${stdout}\n${stderr}`)),
            );
        };
        const timer = setTimeout(
          () => settle(() => reject(new Error(`No ${JSON.stringify(text)} within ${timeoutMs} ms:\n${printed()}`))),
          timeoutMs,
        );
        const settle = (done: () => void) => {
          clearTimeout(timer);
          source.off("data", onData);
          child.off("close", onClose);
          done();
        };
        // Our own listener was added first, so `stdout` already holds the chunk when these run.
        const onData = () => check();
        const onClose = () => {
          exited = true;
          check();
        };
        source.on("data", onData);
        child.on("close", onClose);
        check();
      });
    },
    finished,
  };
}

/** Runs a script to the end with `input` piped to its stdin (then closed). */
export async function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  input = "",
  options: ChildOptions = {},
): Promise<Finished> {
  return runToEnd(startNode(script, args, env, options), input);
}

/** Closes the child's stdin after `input` and waits for it to exit. */
export function runToEnd(running: RunningChild, input = ""): Promise<Finished> {
  running.child.stdin.end(input);
  return running.finished;
}

/** A fresh data directory, removed by the returned cleanup. */
export async function temporaryDataDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "nextstep-console-"));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** One labelled message in the console's output: `[label] first line`, continuation lines indented under it. */
export interface PrintedMessage {
  /** `next-step` (a reply), `DM from next-step`, `#team`, `you` for an echoed command, `plain` for anything else. */
  label: string;
  /** The message with the label and indentation taken off. */
  body: string;
}

export function parseTranscript(stdout: string): PrintedMessage[] {
  const messages: { label: string; lines: string[]; indent: number }[] = [];
  for (const line of stdout.split("\n")) {
    if (line.startsWith("you> ")) {
      messages.push({ label: "you", lines: [line.slice("you> ".length)], indent: 0 });
      continue;
    }
    const labelled = /^\[([^\]]+)\] (.*)$/.exec(line);
    if (labelled) {
      const label = labelled[1] as string;
      messages.push({ label, lines: [labelled[2] as string], indent: label.length + 3 });
      continue;
    }
    const last = messages.at(-1);
    if (last && last.label !== "plain" && line.startsWith(" ")) last.lines.push(line.slice(last.indent));
    else if (line !== "") messages.push({ label: "plain", lines: [line], indent: 0 });
  }
  return messages.map(({ label, lines }) => ({ label, body: lines.join("\n") }));
}

/** What the bot printed after each echoed command, keyed by the command line. Commands must be unique. */
export function outputByCommand(messages: readonly PrintedMessage[]): Map<string, PrintedMessage[]> {
  const byCommand = new Map<string, PrintedMessage[]>();
  let current: PrintedMessage[] | undefined;
  for (const message of messages) {
    if (message.label === "you") {
      current = [];
      byCommand.set(message.body, current);
    } else {
      current?.push(message);
    }
  }
  return byCommand;
}

/** An IANA zone in which it is now early afternoon, so default quiet hours (21:00-08:00) never hold a DM back. */
export function afternoonZone(now: Date = new Date()): string {
  const offset = ((13 - now.getUTCHours() + 36) % 24) - 12;
  if (offset === 0) return "Etc/UTC";
  // Etc/GMT zones count the other way round: Etc/GMT-5 is five hours ahead of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** Waits for the real entry point's "Slack adapter listening" log line (JSON on stderr) and returns its base URL. */
export async function slackAddress(running: RunningChild, timeoutMs = 30_000): Promise<string> {
  await running.waitForOutput('"Slack adapter listening"', timeoutMs, "stderr");
  const line = running.stderr.split("\n").find((entry) => entry.includes('"Slack adapter listening"')) ?? "";
  const { port } = JSON.parse(line) as { port: number };
  return `http://127.0.0.1:${port}`;
}

/** An address on 127.0.0.1 where nothing listens (a port just freed), so connecting is refused at once. */
export async function refusingAddress(path = ""): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}${path}`;
}
