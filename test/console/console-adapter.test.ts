/** The console adapter over a real bot and an in-memory store: who is at the console, numbered choices, the terminal. */
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type ConsoleAdapter, createConsoleAdapter } from "../../src/adapters/console/index.ts";
import { consoleMemberId, consoleUser, DEFAULT_CONSOLE_MEMBER } from "../../src/adapters/console/member.ts";
import { CHOICE_HINT, renderForConsole } from "../../src/adapters/console/render.ts";
import { type BotUser, createBot } from "../../src/core/bot.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { WorkspaceIdentity } from "../../src/core/ports.ts";
import { createMemoryStore } from "../fakes/memory-store.ts";

const LOCAL: WorkspaceIdentity = { platform: "CONSOLE", externalId: "local", name: "Local team" };
const MAYA: BotUser = { externalId: DEFAULT_CONSOLE_MEMBER, displayName: "Maya", isAdmin: true };

/** A terminal's output: everything written, and a way to wait until some text has appeared. */
function terminalOutput() {
  let printed = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      printed += String(chunk);
      for (const waiter of waiters.filter((candidate) => printed.includes(candidate.text))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      done();
    },
  });
  return {
    stream,
    get printed() {
      return printed;
    },
    /** Resolves once `text` has been written (checked on every write, no clock). */
    waitFor(text: string): Promise<void> {
      if (printed.includes(text)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ text, resolve }));
    },
  };
}

function givenConsole(interactive: boolean) {
  const store = createMemoryStore();
  const bot = createBot({ store, clock: { now: () => new Date("2026-11-23T10:00:00Z") }, logger: silentLogger });
  const input = new PassThrough();
  const output = terminalOutput();
  const adapter: ConsoleAdapter = createConsoleAdapter({
    bot,
    input,
    output: output.stream,
    workspace: LOCAL,
    user: MAYA,
    interactive,
  });
  return { store, bot, input, output, adapter };
}

describe("who is at the console", () => {
  it("GIVEN names THEN each is its own member id, the same however it is capitalised or accented", () => {
    expect(consoleMemberId("Sam")).toBe("local-sam");
    expect(consoleMemberId("sam")).toBe("local-sam");
    expect(consoleMemberId("Zoë  Ng")).toBe("local-zoe-ng");
    expect(consoleMemberId("李雷")).toMatch(/^local-[0-9a-f]{12}$/);
    expect(consoleMemberId("李雷")).not.toBe(consoleMemberId("韩梅梅"));
  });

  it("GIVEN no NEXTSTEP_CONSOLE_USER THEN the default member; GIVEN Sam THEN Sam's own; GIVEN the default member's own name THEN still theirs", async () => {
    const store = createMemoryStore();
    const workspace = await store.ensureWorkspace(LOCAL);
    // Before names had ids, every console user was the default member, named after whoever came first.
    await store.inWorkspace(workspace.id, (repo) =>
      repo.ensureMember({ externalId: DEFAULT_CONSOLE_MEMBER, displayName: "Maya" }),
    );

    const users = await store.inWorkspace(workspace.id, async (repo) => ({
      unnamed: await consoleUser(repo, "maya-os-user", false),
      sam: await consoleUser(repo, "Sam", true),
      maya: await consoleUser(repo, "maya", true),
    }));

    expect(users.unnamed.externalId).toBe(DEFAULT_CONSOLE_MEMBER);
    expect(users.sam).toEqual({ externalId: "local-sam", displayName: "Sam", isAdmin: true });
    expect(users.maya.externalId).toBe(DEFAULT_CONSOLE_MEMBER);
  });
});

describe("numbered choices", () => {
  it("GIVEN a reply with buttons WHEN the member types a button's number THEN its command runs; another number changes nothing", async () => {
    const { input, output, adapter } = givenConsole(false);
    const session = adapter.run();
    input.end(["apply Acme", "forget", "7", "pipeline", "forget", "1", "pipeline", "1", ""].join("\n"));
    expect(await session).toEqual({ linesRead: 8 });

    const replies = output.printed.split("you> ").slice(1);
    const [, forget, seven, kept, , chosen, emptied, unknown] = replies;
    expect(forget).toContain("[1] Delete everything");
    expect(forget).toContain(CHOICE_HINT);
    expect(seven).toMatch(/^7\n\[next-step\] There's no choice 7 there\. Type 1, or any command\./);
    expect(kept).toContain("Acme");
    expect(chosen).toMatch(/everything I kept about you is deleted/);
    expect(emptied).toMatch(/Your pipeline is empty/);
    // The last reply had no buttons: a bare number is just an unknown command to the bot.
    expect(unknown).not.toContain("There's no choice");
    expect(unknown).not.toContain("deleted");
  });
});

describe("the interactive terminal", () => {
  it("GIVEN the member halfway through typing WHEN a DM arrives THEN it prints on its own lines and the prompt comes back with what they typed", async () => {
    const { input, output, adapter } = givenConsole(true);
    const session = adapter.run();
    await output.waitFor("you> ");
    input.write("pip");
    await output.waitFor("pip");
    const before = output.printed.length;

    await adapter.delivery.sendDirect(
      { workspaceExternalId: "local", memberExternalId: DEFAULT_CONSOLE_MEMBER },
      { text: "Good luck with *Acme* today." },
    );

    const redrawn = output.printed.slice(before);
    const message = redrawn.indexOf("[DM from next-step] Good luck with Acme today.\n");
    expect(message).toBeGreaterThanOrEqual(0);
    expect(redrawn.slice(message)).toContain("you> pip");
    input.end("eline\n");
    await session;
    expect(output.printed).toMatch(/Your pipeline is empty/);
    expect(output.printed).toMatch(/^Next Step, console edition\. You are Maya\./);
  });
});

describe("console rendering", () => {
  const message = {
    text: "*Offer!* Maya just heard back.",
    items: ["*Your pipeline*", "`apply <company>` Start tracking"],
    file: { name: "export.json", content: '{"note":"*kept as typed*"}' },
  };

  it("GIVEN a terminal THEN bold is ANSI bold; GIVEN a pipe THEN the words alone; a bold item is a heading without a bullet", () => {
    const terminal = renderForConsole({ kind: "reply" }, message, { bold: true });
    const piped = renderForConsole({ kind: "reply" }, message);

    expect(terminal).toContain("\u001b[1mOffer!\u001b[22m Maya just heard back.");
    expect(piped.split("\n")).toEqual([
      "[next-step] Offer! Maya just heard back.",
      "            Your pipeline",
      "              • `apply <company>` Start tracking",
      "            [export.json]",
      '            {"note":"*kept as typed*"}',
    ]);
  });

  it("GIVEN a DM with buttons THEN they stay commands to type, since only a reply's buttons can be chosen by number", () => {
    const dm = renderForConsole(
      { kind: "direct" },
      { text: "Ask Globex?", buttons: [{ actionId: "feedback.asked", label: "I asked", command: "asked Globex" }] },
    );
    expect(dm).toContain("`asked Globex` (I asked)");
    expect(dm).not.toContain("[1]");
  });
});
