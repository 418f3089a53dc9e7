/** What `apply` reads after the company (role, link, `applied <date>`) and the questions it asks before tracking an unclear name. */
import { beforeEach, describe, expect, it } from "vitest";
import { ADA, createHarness, type Harness, T0, TEAM } from "../support/core-harness.ts";

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

const commandsOf = (outcome: { message: { buttons?: { command: string }[] } }) =>
  (outcome.message.buttons ?? []).map((button) => button.command);

describe("apply reads a link and when you applied", () => {
  it("GIVEN a role, a link and applied last monday THEN each lands in its place and the date understood is echoed", async () => {
    const reply = await h.say("apply Acme Backend https://acme.jobs/1 applied last monday");
    // T0 is Monday 2 March 2026; last Monday is 23 February, read at 09:00 in Ada's zone (UTC here).
    expect(reply.text).toContain("Tracking Backend at Acme (applied Mon 23 Feb 2026, link saved)");
    const [application] = (await h.rows()).applications;
    expect(application).toMatchObject({
      role: "Backend",
      link: "https://acme.jobs/1",
      appliedAt: new Date("2026-02-23T09:00:00.000Z"),
      statusChangedAt: new Date("2026-02-23T09:00:00.000Z"),
    });
  });

  it("GIVEN a link as Slack wraps it and no role THEN the link is kept bare and there is no role", async () => {
    await h.say("apply Acme <https://acme.jobs/2|acme.jobs/2>");
    expect((await h.rows()).applications[0]).toMatchObject({ role: null, link: "https://acme.jobs/2", appliedAt: T0 });
  });

  it("GIVEN a role with the word Applied in it THEN it stays the role", async () => {
    await h.say("apply Acme Applied Scientist");
    expect((await h.rows()).applications[0]).toMatchObject({ role: "Applied Scientist", appliedAt: T0 });
  });

  it("GIVEN applied today THEN it is now, not a later hour", async () => {
    await h.say("apply Acme applied today");
    expect((await h.rows()).applications[0]).toMatchObject({ role: null, appliedAt: T0 });
  });

  it("GIVEN applied with a date still to come THEN it is refused kindly and nothing is kept", async () => {
    const refused = await h.run("apply Acme applied next friday");
    expect(refused.code).toBe("bad-arguments");
    expect(refused.message.text).toContain("still to come");
    expect((await h.snapshot())?.members).toEqual({ "U-ADA": null });
  });
});

describe("apply asks when a one-word company may run on", () => {
  it("GIVEN apply Zeta Labs THEN Ada is asked how to read it and nothing is kept yet", async () => {
    const asked = await h.run("apply Zeta Labs");
    expect(asked.code).toBe("company-name-unclear");
    expect(asked.kind).toBe("needs-confirmation");
    expect(asked.message.text).toContain('Is that the company "Zeta Labs", or the role "Labs" at Zeta?');
    expect(commandsOf(asked)).toEqual(['apply "Zeta Labs"', "apply Zeta Labs --yes"]);
    expect((await h.rows()).applications).toEqual([]);
  });

  it("GIVEN the question WHEN Ada taps the company THEN Zeta Labs is tracked with no role", async () => {
    const asked = await h.run("apply Zeta Labs https://zeta.jobs/9");
    expect(commandsOf(asked)[0]).toBe('apply "Zeta Labs" https://zeta.jobs/9');
    await h.say(commandsOf(asked)[0] as string);
    expect((await h.rows()).applications[0]).toMatchObject({
      company: "Zeta Labs",
      role: null,
      link: "https://zeta.jobs/9",
    });
  });

  it("GIVEN the question WHEN Ada taps the split as typed THEN Zeta with the role Labs is tracked", async () => {
    await h.say("apply Zeta Labs --yes");
    expect((await h.rows()).applications[0]).toMatchObject({ company: "Zeta", role: "Labs" });
  });

  it("GIVEN several name-like words THEN they all join the company and the role words stay the role", async () => {
    const asked = await h.run("apply Black Rock Capital Backend Engineer");
    expect(commandsOf(asked)[0]).toBe('apply "Black Rock Capital" Backend Engineer');
  });

  it.each([
    ["a role word after the company", "apply Acme Backend Engineer", "Acme", "Backend Engineer"],
    ["a lower-case role", "apply acme platform", "acme", "platform"],
    ["a quoted company", 'apply "Zeta" Labs', "Zeta", "Labs"],
    ["a quoted role", 'apply Zeta "Labs"', "Zeta", "Labs"],
  ])("GIVEN %s THEN it is taken as typed without a question", async (_, line, company, role) => {
    const created = await h.run(line);
    expect(created.code).toBe("application-created");
    expect((await h.rows()).applications[0]).toMatchObject({ company, role });
  });

  it("GIVEN a company word in lower case (zeta labs) THEN it asks too", async () => {
    expect((await h.run("apply zeta labs")).code).toBe("company-name-unclear");
  });

  it("GIVEN Zeta is already tracked THEN apply Zeta Labs is another role there, without a question", async () => {
    await h.say("apply Zeta");
    expect((await h.run("apply Zeta Labs")).code).toBe("application-created");
  });

  it("GIVEN Discord's separate company and role options THEN nothing is asked", async () => {
    const created = await h.bot.handleNamed(TEAM, ADA, "apply", { company: "Zeta", role: "Labs" });
    expect(created.code).toBe("application-created");
  });
});

describe("apply asks when a new name may be a company already tracked", () => {
  beforeEach(async () => {
    await h.say('apply "Acme Corp" Backend');
  });

  it("GIVEN Acme Corp WHEN Ada applies to acme THEN she is asked if it is the same, and nothing is kept yet", async () => {
    const before = await h.snapshot();
    const asked = await h.run("apply acme");
    expect(asked.code).toBe("company-maybe-tracked");
    expect(asked.message.text).toBe('You already track Acme Corp. Is "acme" the same company, or a new one?');
    expect(asked.message.buttons?.map((button) => button.label)).toEqual(["Same: Acme Corp", "No, a new company"]);
    expect(commandsOf(asked)).toEqual(['timeline "Acme Corp"', "apply acme --yes"]);
    expect(await h.snapshot()).toEqual(before);
    expect((await h.run("apply acme --yes")).code).toBe("application-created");
    expect((await h.rows()).applications.map((application) => application.company)).toEqual(["Acme Corp", "acme"]);
  });

  it("GIVEN a new role WHEN Ada says it is the same company THEN the button tracks that role at Acme Corp", async () => {
    const asked = await h.run("apply acme Platform");
    expect(commandsOf(asked)[0]).toBe('apply "Acme Corp" Platform');
    await h.say(commandsOf(asked)[0] as string);
    expect((await h.rows()).applications.map((application) => application.role)).toEqual(["Backend", "Platform"]);
  });

  it("GIVEN a near typo (Acme Crop) or a longer name (Acme Corp Europe) THEN it asks too", async () => {
    expect((await h.run('apply "Acme Crop"')).code).toBe("company-maybe-tracked");
    expect((await h.run('apply "Acme Corp Europe"')).code).toBe("company-maybe-tracked");
  });

  it("GIVEN an unrelated name THEN it is tracked at once", async () => {
    expect((await h.run("apply Initech")).code).toBe("application-created");
  });
});

describe("help apply", () => {
  it("GIVEN help apply THEN it says how a link, a date and an unclear name are read", async () => {
    const help = await h.say("help apply");
    expect(help.text).toContain("Usage: `apply <company> [role…]`");
    expect(help.text).toContain("Zeta Labs, not Acme Backend");
    expect(help.items).toContain("`apply Acme Platform https://acme.jobs/1 applied last monday`");
  });
});
