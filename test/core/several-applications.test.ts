/** Several applications at one company, and names that fit several: "Which Hooli?" with a button for each. */
import { beforeEach, describe, expect, it } from "vitest";
import { ADA, createHarness, type Harness, TEAM } from "../support/core-harness.ts";

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

const commandsOf = (outcome: { message: { buttons?: { command: string }[] } }) =>
  (outcome.message.buttons ?? []).map((button) => button.command);

describe("several applications at one company", () => {
  it("GIVEN Hooli (Backend) WHEN Ada applies for another role there THEN both are tracked, told apart by role", async () => {
    await h.say("apply Hooli Backend");
    const second = await h.run('apply Hooli "Platform Engineer"');
    expect(second.code).toBe("application-created");
    expect(second.message.text).toContain("Tracking Platform Engineer at Hooli");
    expect(second.message.text).toContain("2 applications at Hooli");
    expect(second.message.text).toContain('round "Hooli (Platform Engineer)"');
    const { applications } = await h.rows();
    expect(applications.map((application) => [application.company, application.role])).toEqual([
      ["Hooli", "Backend"],
      ["Hooli", "Platform Engineer"],
    ]);
  });

  it("GIVEN Hooli (Backend) WHEN Ada applies for backend there again, in other case THEN it is refused and nothing changes", async () => {
    await h.say("apply Hooli Backend");
    const before = await h.snapshot();
    const again = await h.run("apply hooli backend");
    expect(again.code).toBe("application-exists");
    expect(again.message.text).toContain("already tracking Backend at Hooli");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN Hooli without a role WHEN Ada applies there without a role again THEN it is refused; with a role THEN it is a second", async () => {
    await h.say("apply Hooli");
    expect((await h.run("apply Hooli")).code).toBe("application-exists");
    expect((await h.run("apply Hooli Backend")).code).toBe("application-created");
    expect((await h.rows()).applications).toHaveLength(2);
  });
});

describe("a company name that fits several applications", () => {
  beforeEach(async () => {
    await h.sayAll(["apply Hooli Backend", 'apply Hooli "Platform Engineer"']);
  });

  it("GIVEN two Hooli applications WHEN Ada logs an offer at hooli THEN she is asked which, with the same command per application", async () => {
    const before = await h.snapshot();
    const asked = await h.run("offer hooli");
    expect(asked.code).toBe("company-ambiguous");
    expect(asked.message.text).toContain("Which Hooli?");
    expect(asked.message.buttons?.map((button) => button.label)).toEqual([
      "Hooli (Backend)",
      "Hooli (Platform Engineer)",
    ]);
    expect(commandsOf(asked)).toEqual(['offer "Hooli (Backend)"', 'offer "Hooli (Platform Engineer)"']);
    expect(await h.snapshot()).toEqual(before);

    const picked = await h.run(commandsOf(asked)[0] as string);
    expect(picked.code).toBe("offer-logged");
    const { applications } = await h.rows();
    expect(applications.map((application) => application.status)).toEqual(["OFFER", "ACTIVE"]);
  });

  it("GIVEN two Hooli applications WHEN a command has more words THEN each button keeps them", async () => {
    const asked = await h.run("round hooli technical tomorrow 3pm");
    expect(commandsOf(asked)).toEqual([
      'round "Hooli (Backend)" technical tomorrow 3pm',
      'round "Hooli (Platform Engineer)" technical tomorrow 3pm',
    ]);
    expect((await h.run(commandsOf(asked)[1] as string)).code).toBe("round-scheduled");
  });

  it("GIVEN Company (Role) typed by hand in any case THEN it finds that application", async () => {
    const reply = await h.say("timeline 'hooli (platform engineer)'");
    expect(reply.text).toBe("Role: Platform Engineer");
  });

  it("GIVEN Hooli with and without a role WHEN asked which THEN the one without reads Hooli (no role), and that works", async () => {
    await h.say("apply Hooli");
    const asked = await h.run("waiting hooli");
    expect(commandsOf(asked)).toContain('waiting "Hooli (no role)"');
    expect((await h.run('waiting "Hooli (no role)"')).code).toBe("waiting-noted");
  });

  it("GIVEN Globex Labs and Globex Media WHEN Ada asks about globex THEN the same buttons name each company", async () => {
    await h.sayAll(['apply "Globex Labs"', 'apply "Globex Media"']);
    const asked = await h.run("asked globex");
    expect(asked.code).toBe("company-ambiguous");
    expect(commandsOf(asked)).toEqual(['asked "Globex Labs"', 'asked "Globex Media"']);
  });

  it("GIVEN two Hooli applications THEN pickers and autocomplete offer each by the name that finds it", async () => {
    await h.say("apply Initech");
    expect(await h.bot.companiesOf(TEAM, ADA)).toEqual(["Hooli (Backend)", "Hooli (Platform Engineer)", "Initech"]);
  });

  it("GIVEN Discord options WHEN the company is ambiguous THEN the buttons are text lines of the same command", async () => {
    const asked = await h.bot.handleNamed(TEAM, ADA, "met", { company: "hooli", who: 'Dana "the lead"' });
    expect(commandsOf(asked)).toEqual([
      `met "Hooli (Backend)" "Dana 'the lead'"`,
      `met "Hooli (Platform Engineer)" "Dana 'the lead'"`,
    ]);
    expect((await h.run(commandsOf(asked)[0] as string)).code).toBe("person-met-recorded");
  });
});

describe("a typo of a tracked company", () => {
  beforeEach(async () => {
    await h.say('apply "Acme Corp"');
  });

  it("GIVEN Acme Corp WHEN Ada types acmee THEN she is asked if she meant Acme Corp, with a button that runs it there", async () => {
    const asked = await h.run("asked acmee");
    expect(asked.code).toBe("company-not-found");
    expect(asked.message.text).toContain('Did you mean "Acme Corp"?');
    expect(asked.message.text).not.toContain("apply");
    expect(asked.message.buttons?.map((button) => button.label)).toEqual(["Acme Corp"]);
    expect(commandsOf(asked)).toEqual(['asked "Acme Corp"']);
    expect((await h.run('asked "Acme Corp"')).code).toBe("feedback-asked");
  });

  it("GIVEN nothing close WHEN Ada names an unknown company THEN she is told how to start tracking it, with no buttons", async () => {
    const asked = await h.run("asked Umbrella");
    expect(asked.message.text).toContain('apply "Umbrella"');
    expect(asked.message.buttons).toBeUndefined();
  });
});
