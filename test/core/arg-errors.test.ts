/** Argument errors name the argument and show a working example of that command, all derived from the command table. */
import { describe, expect, it } from "vitest";
import { COMMAND_TABLE } from "../../src/core/commands/table.ts";
import { ADA, ADMIN, createHarness } from "../support/core-harness.ts";

/** Every required argument of every command, left out: the line gives exactly the arguments before it. */
const MISSING = COMMAND_TABLE.flatMap((command) =>
  command.args.flatMap((arg, index) => {
    if (!arg.required) return [];
    // The words one of its examples gives for the arguments before this one (single-word arguments throughout).
    const example = command.examples.find((line) => line.split(" ").length > index + 1);
    const before = example ? example.split(" ").slice(1, index + 1) : [];
    return [
      { command: command.name, arg: arg.name, line: [command.name, ...before].join(" "), examples: command.examples },
    ];
  }),
);

describe("a missing argument", () => {
  it("GIVEN the command table THEN every command with a required argument is walked here", () => {
    const walked = new Set(MISSING.map((missing) => missing.command));
    const withRequired = COMMAND_TABLE.filter((command) => command.args.some((arg) => arg.required));
    expect([...walked].sort()).toEqual(withRequired.map((command) => command.name).sort());
    expect(walked.size).toBeGreaterThan(20);
  });

  it.each(
    MISSING,
  )("GIVEN `$line` WHEN sent THEN the reply names the $arg and shows one of $command's examples", async ({
    arg,
    line,
    examples,
  }) => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "gap graphs"], ADMIN);
    const before = await h.snapshot([ADMIN]);
    const { code, message } = await h.run(line, ADMIN);
    expect(code).toBe("bad-arguments");
    expect(message.text.toLowerCase()).toContain(arg.toLowerCase());
    expect(examples.some((example) => message.text.includes(`Try \`${example}\`.`))).toBe(true);
    expect(message.text).not.toMatch(/I need the|Multi-word names/);
    expect(await h.snapshot([ADMIN])).toEqual(before);
  });

  it("GIVEN round with nothing after it WHEN sent THEN it asks which company, with the round example", async () => {
    const reply = await createHarness().say("round");
    expect(reply.text).toBe(
      "Which company? Try `round Acme technical tomorrow 3pm`.\nUsage: `round <company> <stage> [when…]`",
    );
  });

  it("GIVEN every command's examples THEN each example is accepted by its own command (no example teaches a refusal)", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "apply Globex", "rejected Acme", "gap graphs", "gap trees"], ADMIN);
    const refusedAsBadArguments = [];
    for (const command of COMMAND_TABLE) {
      for (const example of command.examples) {
        if ((await h.run(example, ADMIN)).code === "bad-arguments") refusedAsBadArguments.push(example);
      }
    }
    expect(refusedAsBadArguments).toEqual([]);
  });
});

describe("words left over", () => {
  it.each([
    [
      "asked Acme Corp",
      `I didn't expect "Corp" after the company. If "Acme Corp" is one name, put it in quotes: \`asked "Acme Corp"\`.`,
    ],
    [
      "waiting Acme Labs Berlin",
      `If "Acme Labs Berlin" is one name, put it in quotes: \`waiting "Acme Labs Berlin"\`.`,
    ],
    ["rejected Acme Corp", `"Corp" isn't a stage I know.`],
    ["rejected Acme Corp", `If "Acme Corp" is one name, put it in quotes: \`rejected "Acme Corp"\`.`],
    ["round Acme Corp screen", `If "Acme Corp" is one name, put it in quotes: \`round "Acme Corp" screen\`.`],
  ])("GIVEN %j WHEN the words after the company could be its name THEN quoting is suggested: %s", async (line, words) => {
    const reply = await createHarness().say(line);
    expect(reply.text).toContain(words);
  });

  it.each([
    ["asked Acme onsite", `I didn't expect "onsite" after the company. Try \`asked Acme\`.`],
    ["snooze Acme tomorrow", `I didn't expect "tomorrow" after the company. Try \`snooze Acme\`.`],
    ["ghosted Acme 3", `I didn't expect "3" after the company. Try \`ghosted Acme\`.`],
    ["rejected Acme onsite today", `I didn't expect "today" after the stage. Try \`rejected Acme\`.`],
    ["pipeline now", 'I didn\'t expect "now": `pipeline` works on its own. Try `pipeline`.'],
  ])("GIVEN %j WHEN the words could not be a name THEN no quoting is suggested: %s", async (line, words) => {
    const reply = await createHarness().say(line);
    expect(reply.text).toContain(words);
    expect(reply.text).not.toContain("quotes");
  });

  it("GIVEN a lower-case slip after the company WHEN the stage is unknown THEN the reply is about the stage, not quoting", async () => {
    const reply = await createHarness().say("round Acme onsit");
    expect(reply.text).toContain(`"onsit" isn't a stage I know.`);
    expect(reply.text).not.toContain("quotes");
  });
});

describe("pause reads a length of time", () => {
  it.each([
    ["pause 2 weeks", 14, "Paused for 14 days, until Mon 16 Mar 2026, 15:00."],
    ["pause a week", 7, "Paused for 7 days, until Mon 9 Mar 2026, 15:00."],
    ["pause 10 days", 10, "Paused for 10 days, until Thu 12 Mar 2026, 15:00."],
    ["pause 1", 1, "Paused for a day, until Tue 3 Mar 2026, 15:00."],
    ["pause 3w", 21, "Paused for 21 days, until Mon 23 Mar 2026, 15:00."],
  ])("GIVEN %j WHEN sent THEN the pause is %i days and the reply says until when", async (line, days, words) => {
    const h = createHarness();
    const reply = await h.say(line);
    expect(reply.text).toContain(words);
    const until = (await h.rows()).member.pausedUntil;
    expect(until?.getTime()).toBe(new Date("2026-03-02T15:00:00.000Z").getTime() + days * 86_400_000);
  });

  it.each([
    ["pause 2 fortnights"],
    ["pause 60 weeks"],
    ["pause soon"],
  ])("GIVEN %j WHEN sent THEN it explains what pause takes and changes nothing", async (line) => {
    const h = createHarness();
    await h.say("settings");
    const before = await h.snapshot();
    const reply = await h.say(line);
    expect(reply.text).toMatch(/^The number of days should be a whole number from 1 to 365, not ".+"\. Weeks work too/);
    expect(await h.snapshot([ADA])).toEqual(before);
  });
});
