/** Slack's protocol duties end to end: signatures, the 3-second deadline, health, delivery errors, jobs, uninstall. */

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { findJob } from "../../src/jobs/registry.ts";
import { deferred } from "../support/deferred.ts";
import { buildAppUninstalled, buildTokensRevoked, postSlashCommand } from "../support/slack-requests.ts";
import { install, SECRET, type SlackWorld, startSlackWorld, textOf } from "../support/slack-world.ts";

const DAY_MS = 86_400_000;
let db: Database;
let world: SlackWorld | undefined;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Workspace", "SlackInstallation" CASCADE`);
});
afterAll(async () => {
  await db?.close();
});

describe("request verification", () => {
  it.each([
    "bad-signature",
    "stale-timestamp",
    "unsigned",
  ] as const)("GIVEN a %s request THEN Bolt answers 401 and nothing is written", async (signing) => {
    world = await startSlackWorld({ db, mode: "single" });
    const answer = await postSlashCommand(
      world.appUrl,
      SECRET,
      { teamId: "T1", userId: "U1", text: "apply Acme", responseUrl: world.fake.responseUrl("x") },
      { signing },
    );
    expect(answer.status).toBe(401);
    expect(await db.prisma.application.count()).toBe(0);
    expect(await db.prisma.member.count()).toBe(0);
  });
});

describe("the 3-second deadline", () => {
  it("GIVEN a core that has not answered by the deadline THEN the command is acknowledged empty, and the reply arrives through response_url once the core answers", async () => {
    const coreAsked = deferred();
    const coreMayAnswer = deferred();
    let answered = false;
    const slow = (bot: Bot): Bot => ({
      ...bot,
      handleText: async (...args) => {
        coreAsked.resolve();
        // Held until the acknowledgement has arrived, so the deadline passes first however busy the machine is.
        await coreMayAnswer.promise;
        const reply = await bot.handleText(...args);
        answered = true;
        return reply;
      },
    });
    world = await startSlackWorld({ db, mode: "single", ackDeadlineMs: 150, wrapBot: slow });
    const answer = await world.say("apply Acme");
    await coreAsked.promise;
    expect(answered).toBe(false);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");

    coreMayAnswer.resolve();
    const late = await world.fake.waitForResponse(answer.responseId, 5000);
    expect(late.body).toMatchObject({ response_type: "ephemeral" });
    expect(textOf(late.body)).toContain("Tracking Acme");
  });
});

describe("health", () => {
  it("GIVEN a running app THEN /healthz and /readyz answer 200", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    expect((await fetch(`${world.appUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${world.appUrl}/readyz`)).status).toBe(200);
  });
});

/** Wins wait out the workspace's undo window before anything is sent. */
const PAST_UNDO_WINDOW_MS = WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000;

describe("delivery", () => {
  async function givenCelebrationAndDm(): Promise<SlackWorld> {
    const w = await startSlackWorld({ db, mode: "single" });
    await w.say("admin channel <#C1|job-hunt>");
    await w.say("share on");
    await w.say("apply Acme");
    await w.say("invited acme onsite");
    w.clock.advance(PAST_UNDO_WINDOW_MS);
    return w;
  }

  it("GIVEN Slack rate-limits chat.postMessage THEN the row waits exactly Retry-After and is delivered once after", async () => {
    world = await givenCelebrationAndDm();
    world.fake.failNext("chat.postMessage", { status: 429, retryAfter: 7 });
    const first = await world.dispatcher.dispatchDue();
    expect(first.retried).toBe(1);
    const waiting = await db.prisma.outbox.findFirstOrThrow({ where: { status: "PENDING" } });
    expect(waiting.nextAttemptAt.getTime() - world.clock.now().getTime()).toBe(7000);
    world.clock.advance(7000);
    expect((await world.dispatcher.dispatchDue()).sent).toBe(1);
    expect(await db.prisma.outbox.count({ where: { status: { not: "SENT" } } })).toBe(0);
    expect(world.fake.messages("C1")).toHaveLength(1);
  });

  it("GIVEN the channel is gone THEN the post fails for good, and only the admins hear of it, once", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    // Set while it existed (`admin channel` now checks the channel), deleted since.
    await world.say("share on");
    await world.say("apply Acme");
    await db.prisma.workspace.updateMany({ where: { externalId: "T1" }, data: { celebrationChannel: "C404" } });
    await world.say("invited acme");
    world.clock.advance(PAST_UNDO_WINDOW_MS);
    const summary = await world.dispatcher.dispatchDue();
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { target: "CHANNEL" } })).toMatchObject({
      status: "FAILED",
      lastError: expect.stringContaining("channel_not_found"),
    });
    // Ada is an admin of T1: she hears of the channel, as an admin, not as a member whose message failed.
    const told = textOf((await world.say("pipeline")).json);
    expect(told).toContain("Heads-up for admins");
    expect(told.match(/Heads-up/g)).toHaveLength(2); // the text and its block
    expect(textOf((await world.say("pipeline")).json)).not.toContain("Heads-up");
  });

  it("GIVEN a member Slack no longer knows THEN the DM fails for good and they are told at their next command", async () => {
    world = await givenCelebrationAndDm();
    world.fake.failNext("conversations.open", { error: "user_not_found" });
    await world.dispatcher.dispatchDue();
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { target: "DIRECT" } })).toMatchObject({
      status: "FAILED",
    });
    expect(textOf((await world.say("pipeline")).json)).toContain("Heads-up");
    expect(textOf((await world.say("pipeline")).json)).not.toContain("Heads-up");
  });

  it("GIVEN a rejection three days old THEN the feedback-chase job DMs a ready-to-send request through Slack", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    await world.say("apply Acme");
    await world.say("rejected acme");
    world.clock.advance(3 * DAY_MS + 60_000);
    const job = findJob("feedback-chase");
    await job?.run({ now: world.clock.now(), store: world.jobStore, logger: silentLogger });
    await world.dispatcher.dispatchDue();
    const dms = textOf(world.fake.messages("DU1"));
    expect(dms).toContain("Feedback from Acme");
    expect(dms).toContain("nextstep:feedback.asked:0");
    expect(world.fake.messages("C1")).toHaveLength(0);
  });
});

describe("uninstall", () => {
  it("GIVEN the app is uninstalled THEN the installation goes at once and the data after the grace period", async () => {
    world = await startSlackWorld({ db, mode: "oauth" });
    await install(world, "T1");
    await install(world, "T2");
    await world.say("apply Acme", "U1", "T1");
    await world.say("apply Globex", "U1", "T2");
    // Bolt answers before the handler runs, so the test waits for the removal to be handled, not for the answer.
    const removed = world.lifecycle.removed("T1");
    const answer = await world.event(buildAppUninstalled("T1"));
    expect(answer.status).toBe(200);
    expect(await removed).toEqual(new Date(world.clock.now().getTime() + 30 * DAY_MS));
    expect(await db.prisma.slackInstallation.count({ where: { teamId: "T1" } })).toBe(0);
    const purge = findJob("workspace-purge");
    await purge?.run({
      now: new Date(world.clock.now().getTime() + 29 * DAY_MS),
      store: world.jobStore,
      logger: silentLogger,
    });
    expect(await db.prisma.application.count()).toBe(2);
    await purge?.run({
      now: new Date(world.clock.now().getTime() + 31 * DAY_MS),
      store: world.jobStore,
      logger: silentLogger,
    });
    expect((await db.prisma.application.findMany()).map((application) => application.company)).toEqual(["Globex"]);
    expect(await db.prisma.workspace.count({ where: { externalId: "T1" } })).toBe(0);
  });

  it("GIVEN the bot token is revoked THEN the installation goes and deletion is scheduled; activity in the grace period cancels it", async () => {
    world = await startSlackWorld({ db, mode: "oauth" });
    await install(world, "T1");
    await world.say("apply Acme", "U1", "T1");
    const removed = world.lifecycle.removed("T1");
    expect((await world.event(buildTokensRevoked("T1", ["UBOT1"]))).status).toBe(200);
    expect(await removed).toEqual(new Date(world.clock.now().getTime() + 30 * DAY_MS));
    expect(
      (await db.prisma.workspace.findFirstOrThrow({ where: { externalId: "T1" } })).deletionScheduledAt,
    ).not.toBeNull();
    expect(await db.prisma.slackInstallation.count({ where: { teamId: "T1" } })).toBe(0);
    await install(world, "T1");
    expect(
      (await db.prisma.workspace.findFirstOrThrow({ where: { externalId: "T1" } })).deletionScheduledAt,
    ).toBeNull();
  });
});
