/** Hole 3 on Slack: hostile member text as company, role, note and display name never pings, links or formats. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { findJob } from "../../src/jobs/registry.ts";
import { HOSTILE, slackInert, slackLeaks, slackMrkdwn } from "../support/hostile-text.ts";
import { install, type SlackWorld, startSlackWorld } from "../support/slack-world.ts";

/** Friday of the world's first week, 16:00 UTC: when the weekly digest is due. */
const DIGEST_AT = new Date("2026-11-27T16:00:00.000Z");

let db: Database;
let world: SlackWorld;
/** Every slash-command answer, as Slack got it. */
const answers: { line: string; body: unknown }[] = [];

const userOf = (index: number) => `UH${index}`;

async function deliverEverything(): Promise<void> {
  for (let round = 0; round < 40; round++) {
    await world.dispatcher.dispatchDue();
    world.clock.advance(60_000);
  }
}

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
  world = await startSlackWorld({ db });
  expect(await install(world, "T1")).toBeLessThan(400);
  await world.say("admin channel <#C1|job-hunt>");
  for (const [index, hostile] of HOSTILE.entries()) {
    const user = userOf(index);
    world.fake.addUser("T1", { id: user, name: hostile, tz: "UTC" });
    for (const line of [
      "share company",
      `apply "${hostile}" ${hostile}`,
      `note "${hostile}" ${hostile}`,
      `invited "${hostile}" onsite`,
      `timeline "${hostile}"`,
      "pipeline",
    ]) {
      const answer = await world.say(line, user);
      expect(answer.status, line).toBe(200);
      answers.push({ line, body: answer.json });
    }
  }
  await deliverEverything();
  world.clock.set(DIGEST_AT);
  await findJob("weekly-digest")?.run({ now: DIGEST_AT, store: world.jobStore, logger: silentLogger });
  await deliverEverything();
}, 120_000);
afterAll(async () => {
  await world?.close();
  await db?.close();
});

/** Every payload the bot sent through the Web API, with where it went. */
function sentPayloads(): { where: string; body: unknown }[] {
  return world.fake.calls
    .filter((call) => call.method.startsWith("chat.") || call.method.startsWith("views."))
    .map((call) => ({
      where: `${call.method} ${String(call.params.channel ?? call.params.user_id ?? "")}`,
      body: call.params,
    }));
}

const posted = (channel: string) =>
  world.fake
    .messages(channel)
    .flatMap((message) => slackMrkdwn(message))
    .join("\n");

describe("hostile member text on Slack", () => {
  it("GIVEN hostile companies, roles, notes and names THEN no mrkdwn string Slack receives holds them raw, and no payload sets link_names", () => {
    const everything = [...answers.map(({ line, body }) => ({ where: `answer to ${line}`, body })), ...sentPayloads()];
    expect(everything.length).toBeGreaterThan(HOSTILE.length * 6);
    const leaks = everything.flatMap(({ where, body }) =>
      slackMrkdwn(body).flatMap((text) =>
        slackLeaks(text).map((leak) => `${where}: ${leak} in ${JSON.stringify(text)}`),
      ),
    );
    expect(leaks).toEqual([]);
    expect(everything.filter(({ body }) => JSON.stringify(body).includes("link_names"))).toEqual([]);
    // The core's member-text marks are the renderers' business: none reaches Slack.
    expect(everything.filter(({ body }) => /[\uE000-\uE003]/.test(JSON.stringify(body)))).toEqual([]);
  });

  it("GIVEN a hostile reply THEN its fallback text is escaped like its blocks", () => {
    for (const [index, hostile] of HOSTILE.entries()) {
      const apply = answers[index * 6 + 1]?.body as { text: string };
      expect(apply.text, hostile).toContain(slackInert(hostile));
    }
  });

  it("GIVEN the team celebration, the DMs and the weekly digest THEN each shows the hostile text, inert", () => {
    const channel = posted("C1");
    for (const [index, hostile] of HOSTILE.entries()) {
      expect(channel, `celebration of ${hostile}`).toContain(slackInert(hostile));
      expect(posted(`D${userOf(index)}`), `DM about ${hostile}`).toContain(slackInert(hostile));
    }
    const digest = world.fake.messages("C1").find((message) => JSON.stringify(message).includes("Wins this week"));
    expect(digest).toBeDefined();
    for (const hostile of HOSTILE)
      expect(slackMrkdwn(digest).join("\n"), `digest naming ${hostile}`).toContain(slackInert(hostile));
  });
});
