/** The console adapter: one local member of one local workspace, talking to the bot in a terminal or through piped lines. */
import { clearLine, createInterface, cursorTo, type Interface } from "node:readline";
import type { Bot, BotUser } from "../../core/bot.ts";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import type { BotButton, BotMessage } from "../../core/model.ts";
import type { WorkspaceIdentity } from "../../core/ports.ts";
import { createConsoleDelivery } from "./delivery.ts";
import { type ConsoleStyle, PLAIN, renderForConsole } from "./render.ts";

export interface ConsoleAdapterConfig {
  bot: Bot;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  workspace: WorkspaceIdentity;
  user: BotUser;
  /** Interactive terminal: a prompt, redrawn when a message arrives. Otherwise echo each command so the output reads as a transcript. */
  interactive: boolean;
  /** Bold where the terminal shows it; plain by default. */
  style?: ConsoleStyle;
  /** Where the logs go instead of the screen, named in the greeting of an interactive session. */
  logFile?: string;
  /** Runs after each command, e.g. to deliver what it queued right away. */
  afterCommand?: () => Promise<void>;
}

/** How a console session went. */
export interface ConsoleSession {
  /** Lines read, blank ones included: zero means nothing at all came on standard input. */
  linesRead: number;
}

export interface ConsoleAdapter {
  /** Prints DMs and channel posts. */
  readonly delivery: DeliveryPort;
  /** Reads commands until the input ends (Ctrl-D, Ctrl-C, `exit`, or the end of piped lines). */
  run(): Promise<ConsoleSession>;
}

export { createConsoleDelivery };

const PROMPT = "you> ";

export function createConsoleAdapter(config: ConsoleAdapterConfig): ConsoleAdapter {
  const { output, interactive } = config;
  const style = config.style ?? PLAIN;
  /** The interactive session's line editor while it waits for the member's next line. */
  let waitingAt: Interface | undefined;
  const write = (text: string) => {
    if (!waitingAt) {
      output.write(`${text}\n`);
      return;
    }
    // A DM or channel post arriving while the member types: its own lines, then the prompt and what they had typed.
    clearLine(output, 0);
    cursorTo(output, 0);
    output.write(`${text}\n`);
    waitingAt.prompt(true);
  };
  const delivery = createConsoleDelivery(write, style);
  const reply = (message: BotMessage) => write(renderForConsole({ kind: "reply" }, message, style));
  /** The buttons of the last reply, chosen by typing their number. */
  let choices: readonly BotButton[] = [];

  async function handle(line: string): Promise<void> {
    if (/^\d+$/.test(line) && choices.length > 0) {
      const chosen = choices[Number(line) - 1];
      if (!chosen) {
        const range = choices.length === 1 ? "1" : `a number from 1 to ${choices.length}`;
        reply({ text: `There's no choice ${line} there. Type ${range}, or any command.` });
        return;
      }
      line = chosen.command;
    }
    const { message } = await config.bot.handleText(config.workspace, config.user, line);
    choices = message.buttons ?? [];
    reply(message);
    await config.afterCommand?.();
  }

  return {
    delivery,
    async run() {
      const lines = createInterface({
        input: config.input,
        ...(interactive ? { output, terminal: true, prompt: PROMPT } : { terminal: false }),
      });
      // Ctrl-C at the prompt leaves like Ctrl-D does, through the same clean shutdown.
      lines.on("SIGINT", () => lines.close());
      const ask = () => {
        if (!interactive) return;
        waitingAt = lines;
        lines.prompt();
      };
      if (interactive) {
        const logs = config.logFile ? ` Logs go to ${config.logFile}.` : "";
        write(
          `Next Step, console edition. You are ${config.user.displayName}. Type \`help\` to start, \`exit\` to leave.${logs}`,
        );
      }
      let linesRead = 0;
      ask();
      for await (const raw of lines) {
        waitingAt = undefined;
        linesRead += 1;
        const line = raw.trim();
        if (line === "exit" || line === "quit") break;
        if (line !== "" && !line.startsWith("#")) {
          if (!interactive) write(`${PROMPT}${line}`);
          await handle(line);
        }
        ask();
      }
      waitingAt = undefined;
      lines.close();
      return { linesRead };
    },
  };
}
