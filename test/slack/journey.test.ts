/** The member journey through the real Bolt app and signed HTTP requests, against a local fake Slack. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { install, type SlackWorld, startSlackWorld, textOf } from "../support/slack-world.ts";

let db: Database;
let world: SlackWorld;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
  world = await startSlackWorld({ db });
  expect(await install(world, "T1")).toBeLessThan(400);
  expect(await install(world, "T2")).toBeLessThan(400);
});
afterAll(async () => {
  await world?.close();
  await db?.close();
});

describe("Slack journey", () => {
  it("GIVEN an OAuth install THEN the team's installation and workspace are stored", async () => {
    const installations = await db.prisma.slackInstallation.findMany({ orderBy: { teamId: "asc" } });
    expect(installations.map((row) => [row.teamId, row.botToken])).toEqual([
      ["T1", "xoxb-t1"],
      ["T2", "xoxb-t2"],
    ]);
    expect(await db.prisma.workspace.count({ where: { platform: "SLACK" } })).toBe(2);
  });

  it("GIVEN an admin WHEN she sets the channel and logs a whole journey THEN replies are ephemeral and the data is hers", async () => {
    const admin = await world.say("admin channel <#C1|job-hunt>");
    expect(admin.status).toBe(200);
    expect(textOf(admin.json)).toContain("channel");

    const steps = [
      ["share on", "Sharing updated"],
      ["apply Acme Backend Engineer", "Tracking"],
      ["round acme technical 2026-11-20 10:00", "technical"],
      ["invited acme onsite 2026-12-03 10:00", "win"],
      ["met acme Dana", "Dana"],
      ["learned acme consistent hashing", "consistent hashing"],
      ["apply Globex", "Globex"],
      ["rejected globex", "privately"],
      ["asked globex", "asking"],
      ["feedback globex wanted more SQL depth", "saved"],
      ["pipeline", "Acme"],
      ["stats", "Invitations"],
    ] as const;
    for (const [line, expected] of steps) {
      const answer = await world.say(line);
      expect(answer.status, line).toBe(200);
      expect((answer.json as { response_type?: string }).response_type, line).toBe("ephemeral");
      expect(textOf(answer.json), line).toContain(expected);
    }
    const member = await db.prisma.member.findFirstOrThrow({
      where: { externalId: "U1", workspace: { externalId: "T1" } },
    });
    expect(member).toMatchObject({ displayName: "ada", timezone: "Europe/Berlin" });
    expect(await db.prisma.application.count({ where: { memberId: member.id } })).toBe(2);
  });

  it("GIVEN the journey's outbox WHEN delivered THEN the invitation is celebrated in #job-hunt, the rejection never, and DMs arrive", async () => {
    world.clock.advance(15 * 60_000);
    const summary = await world.dispatcher.dispatchDue();
    expect(summary.failed).toBe(0);
    const channel = textOf(world.fake.messages("C1"));
    expect(channel).toContain("ada");
    expect(channel.toLowerCase()).not.toContain("globex");
    expect(channel.toLowerCase()).not.toContain("reject");
    const dms = textOf(world.fake.messages("DU1"));
    expect(dms).toContain("Globex");
    expect(dms).toContain("Acme");
  });

  it("GIVEN Ben is no workspace admin per users.info WHEN he sets the channel THEN he is refused and it stays", async () => {
    const answer = await world.say("admin channel <#C9|elsewhere>", "U2");
    expect(textOf(answer.json)).toContain("Only workspace admins");
    const workspace = await db.prisma.workspace.findFirstOrThrow({ where: { externalId: "T1" } });
    expect(workspace.celebrationChannel).toBe("C1");
  });

  it("GIVEN a bare /nextstep THEN a modal opens, and submitting it logs the step", async () => {
    const answer = await world.say("");
    expect(answer.status).toBe(200);
    const opened = await world.fake.waitFor("views.open");
    expect(textOf(opened.params)).toContain("Acme");
    const { buildViewSubmission, stateValue } = await import("../support/slack-requests.ts");
    const submitted = await world.interact(
      buildViewSubmission({
        teamId: "T1",
        userId: "U1",
        callbackId: "nextstep-log",
        values: {
          what: { value: stateValue.select("round") },
          company_pick: { value: stateValue.select("Acme") },
          stage: { value: stateValue.select("onsite") },
        },
      }),
    );
    expect(submitted.status).toBe(200);
    const member = await db.prisma.member.findFirstOrThrow({
      where: { externalId: "U1", workspace: { externalId: "T1" } },
    });
    const rounds = await db.prisma.round.findMany({ where: { application: { memberId: member.id, company: "Acme" } } });
    expect(rounds.filter((round) => round.stage === "ONSITE").length).toBeGreaterThanOrEqual(2);
  });

  it("GIVEN a modal without a company THEN Slack is told which field to fix and nothing is written", async () => {
    const before = await db.prisma.application.count();
    const { buildViewSubmission, stateValue } = await import("../support/slack-requests.ts");
    const submitted = await world.interact(
      buildViewSubmission({
        teamId: "T1",
        userId: "U1",
        callbackId: "nextstep-log",
        values: { what: { value: stateValue.select("apply") } },
      }),
    );
    expect(submitted.json).toMatchObject({ response_action: "errors", errors: { company_new: expect.any(String) } });
    expect(await db.prisma.application.count()).toBe(before);
  });

  it("GIVEN a button on Ada's message WHEN Ada clicks it THEN it runs; WHEN Ben clicks it THEN nothing changes", async () => {
    const { buildBlockAction } = await import("../support/slack-requests.ts");
    const { encodeButtonValue } = await import("../../src/adapters/slack/render.ts");
    const value = encodeButtonValue({ command: "gap system design", owner: "U1" });
    const responseUrl = world.fake.responseUrl("button-ben");
    await world.interact(
      buildBlockAction({ teamId: "T1", userId: "U2", actionId: "nextstep:gap:0", value, responseUrl }),
    );
    const refusal = await world.fake.waitForResponse("button-ben");
    expect(textOf(refusal.body)).toContain("someone else");
    expect(await db.prisma.gap.count()).toBe(0);

    const adaUrl = world.fake.responseUrl("button-ada");
    await world.interact(
      buildBlockAction({ teamId: "T1", userId: "U1", actionId: "nextstep:gap:0", value, responseUrl: adaUrl }),
    );
    const done = await world.fake.waitForResponse("button-ada");
    expect(textOf(done.body)).toContain("system design");
    expect(await db.prisma.gap.count()).toBe(1);
  });

  it("GIVEN two Hooli applications WHEN Ada logs an offer at hooli THEN she is asked which, and a button logs it on that one", async () => {
    const { buildBlockAction } = await import("../support/slack-requests.ts");
    await world.say("apply Hooli Backend");
    await world.say("apply Hooli Platform");
    const asked = await world.say("offer hooli");
    expect(textOf(asked.json)).toContain("Which Hooli?");
    type Element = { action_id: string; value: string; text: { text: string } };
    const blocks = (asked.json as { blocks?: { type: string; elements?: Element[] }[] }).blocks ?? [];
    const buttons = blocks.filter((block) => block.type === "actions").flatMap((block) => block.elements ?? []);
    expect(buttons.map((button) => button.text.text)).toEqual(["Hooli (Backend)", "Hooli (Platform)"]);

    const responseUrl = world.fake.responseUrl("which-hooli");
    const [backend] = buttons;
    await world.interact(
      buildBlockAction({
        teamId: "T1",
        userId: "U1",
        actionId: backend?.action_id ?? "",
        value: backend?.value ?? "",
        responseUrl,
      }),
    );
    expect(textOf((await world.fake.waitForResponse("which-hooli")).body)).toContain("An offer from Hooli");
    const hooli = await db.prisma.application.findMany({
      where: { company: "Hooli", workspace: { externalId: "T1" } },
      orderBy: { role: "asc" },
    });
    expect(hooli.map((application) => [application.role, application.status])).toEqual([
      ["Backend", "OFFER"],
      ["Platform", "ACTIVE"],
    ]);
  });

  it("GIVEN apply Zeta Labs THEN Ada is asked how to read it, and the company button tracks Zeta Labs", async () => {
    const { buildBlockAction } = await import("../support/slack-requests.ts");
    const asked = await world.say("apply Zeta Labs");
    expect(textOf(asked.json)).toContain('Is that the company \\"Zeta Labs\\"');
    type Element = { action_id: string; value: string; text: { text: string } };
    const blocks = (asked.json as { blocks?: { type: string; elements?: Element[] }[] }).blocks ?? [];
    const [joined] = blocks.filter((block) => block.type === "actions").flatMap((block) => block.elements ?? []);
    expect(joined?.text.text).toBe('Company "Zeta Labs"');
    const responseUrl = world.fake.responseUrl("zeta-labs");
    await world.interact(
      buildBlockAction({
        teamId: "T1",
        userId: "U1",
        actionId: joined?.action_id ?? "",
        value: joined?.value ?? "",
        responseUrl,
      }),
    );
    expect(textOf((await world.fake.waitForResponse("zeta-labs")).body)).toContain("Tracking Zeta Labs");
    const zeta = await db.prisma.application.findMany({ where: { companyKey: { startsWith: "zeta" } } });
    expect(zeta.map((application) => [application.company, application.role])).toEqual([["Zeta Labs", null]]);
  });

  it("GIVEN App Home opened THEN the member's pipeline, wins and settings are published", async () => {
    const { buildAppHomeOpened } = await import("../support/slack-requests.ts");
    world.fake.reset();
    await world.event(buildAppHomeOpened({ teamId: "T1", userId: "U1" }));
    const published = await world.fake.waitFor("views.publish", (call) => call.params.user_id === "U1");
    const view = textOf(published.params.view);
    for (const expected of ["Your pipeline", "Acme", "Invitations to a next step", "Your gaps", "Sharing"]) {
      expect(view).toContain(expected);
    }
  });

  it("GIVEN the settings select in App Home WHEN Ada picks 'share company' THEN it is saved and Home is published again", async () => {
    const { buildBlockAction } = await import("../support/slack-requests.ts");
    const { encodeButtonValue } = await import("../../src/adapters/slack/render.ts");
    world.fake.reset();
    await world.interact(
      buildBlockAction({
        teamId: "T1",
        userId: "U1",
        actionId: "nextstep:settings.share",
        actionType: "static_select",
        actionFields: {
          selected_option: {
            text: { type: "plain_text", text: "x" },
            value: encodeButtonValue({ command: "share company" }),
          },
        },
        container: { type: "view", viewId: "V1", viewType: "home" },
      }),
    );
    await world.fake.waitFor("views.publish", (call) => call.params.user_id === "U1");
    const member = await db.prisma.member.findFirstOrThrow({
      where: { externalId: "U1", workspace: { externalId: "T1" } },
    });
    expect(member.sharing).toBe("COMPANY");
  });

  it("GIVEN team T2 with a user of the same id THEN they see none of T1's data", async () => {
    const answer = await world.say("pipeline", "U1", "T2");
    expect(textOf(answer.json)).toContain("empty");
    const stranger = await world.say("timeline acme", "U1", "T2");
    expect(textOf(stranger.json)).toContain("aren't tracking");
  });
});
