/** The console adapter: one local member of one local workspace, talking to the bot in a terminal or through piped lines. */
import { createInterface } from "node:readline";
import type { Bot, BotUser } from "../../core/bot.ts";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import type { WorkspaceIdentity } from "../../core/ports.ts";
import { createConsoleDelivery } from "./delivery.ts";
import { renderForConsole } from "./render.ts";

export interface ConsoleAdapterConfig {
  bot: Bot;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  workspace: WorkspaceIdentity;
  user: BotUser;
  /** Interactive terminal: show a prompt. Otherwise echo each command so the output reads as a transcript. */
  interactive: boolean;
  /** Runs after each command, e.g. to deliver what it queued right away. */
  afterCommand?: () => Promise<void>;
}

export interface ConsoleAdapter {
  /** Prints DMs and channel posts. */
  readonly delivery: DeliveryPort;
  /** Reads commands until the input ends (Ctrl-D, `exit`, or the end of piped lines). */
  run(): Promise<void>;
}

export { createConsoleDelivery };

export function createConsoleAdapter(config: ConsoleAdapterConfig): ConsoleAdapter {
  const write = (text: string) => {
    config.output.write(`${text}\n`);
  };
  const delivery = createConsoleDelivery(write);

  async function handle(line: string): Promise<void> {
    const { message } = await config.bot.handleText(config.workspace, config.user, line);
    write(renderForConsole({ kind: "reply" }, message));
    await config.afterCommand?.();
  }

  return {
    delivery,
    async run() {
      const lines = createInterface({ input: config.input, terminal: false });
      const prompt = () => {
        if (config.interactive) config.output.write("you> ");
      };
      if (config.interactive) {
        write(
          `Next Step, console edition. You are ${config.user.displayName}. Type \`help\` to start, \`exit\` to leave.`,
        );
      }
      prompt();
      for await (const raw of lines) {
        const line = raw.trim();
        if (line === "exit" || line === "quit") break;
        if (line !== "" && !line.startsWith("#")) {
          if (!config.interactive) write(`you> ${line}`);
          await handle(line);
        }
        prompt();
      }
      lines.close();
    },
  };
}
