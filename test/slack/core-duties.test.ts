/** What the Slack adapter leaves to the core, end to end: the modal's reply through the outbox, the deadline on hand-fired timers, removal and buttons. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { createManualTimers } from "../support/manual-timers.ts";
import {
  buildAppUninstalled,
  buildBlockAction,
  buildTokensRevoked,
  buildViewSubmission,
  stateValue,
} from "../support/slack-requests.ts";
import { install, type SlackWorld, startSlackWorld, textOf } from "../support/slack-world.ts";

let db: Database;
let world: SlackWorld | undefined;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
});
afterEach(async () => {
  // A delivery the adapter asked for may still be running: let it finish before the world goes.
  await world?.dispatcher.dispatchDue();
  await world?.close();
  world = undefined;
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Workspace", "SlackInstallation" CASCADE`);
});
afterAll(async () => {
  await db?.close();
});

const onsiteAtAcme = (viewId: string) =>
  buildViewSubmission({
    teamId: "T1",
    userId: "U1",
    callbackId: "nextstep-log",
    viewId,
    values: {
      what: { value: stateValue.select("round") },
      company_new: { value: stateValue.text("Acme") },
      stage: { value: stateValue.select("onsite") },
    },
  });

const repliesIn = (w: SlackWorld) => w.fake.messages("DU1").filter((message) => textOf(message).includes("onsite"));

describe("the log modal's reply", () => {
  it("GIVEN a submitted modal THEN its reply is queued, not posted, and the dispatcher delivers it as one DM", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    await world.say("apply Acme");
    const submitted = await world.interact(onsiteAtAcme("VLOG1"));
    expect(submitted.status).toBe(200);
    expect(world.fake.callsTo("chat.postMessage")).toHaveLength(0);
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { kind: "reply" } })).toMatchObject({
      target: "DIRECT",
      status: "PENDING",
      dedupeKey: "reply:slack-view:VLOG1",
    });
    expect(await world.dispatcher.dispatchDue()).toMatchObject({ sent: 1, failed: 0 });
    expect(repliesIn(world)).toHaveLength(1);
    expect((await db.prisma.outbox.findFirstOrThrow({ where: { kind: "reply" } })).status).toBe("SENT");
  });

  it("GIVEN the app delivers soon WHEN the modal is submitted THEN the DM arrives without waiting for a poll", async () => {
    world = await startSlackWorld({ db, mode: "single", deliverSoon: true });
    await world.say("apply Acme");
    await world.interact(onsiteAtAcme("VLOG2"));
    const dm = await world.fake.waitFor("chat.postMessage", (call) => call.params.channel === "DU1");
    expect(textOf(dm.params)).toContain("onsite");
  });

  it("GIVEN Slack sends the same submission again THEN the member still gets one DM", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    await world.say("apply Acme");
    await world.interact(onsiteAtAcme("VLOG3"));
    await world.dispatcher.dispatchDue();
    await world.interact(onsiteAtAcme("VLOG3"));
    await world.dispatcher.dispatchDue();
    expect(repliesIn(world)).toHaveLength(1);
    expect(await db.prisma.outbox.count({ where: { kind: "reply" } })).toBe(1);
  });

  it("GIVEN two different submissions THEN each gets its own DM", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    await world.say("apply Acme");
    await world.interact(onsiteAtAcme("VLOG4"));
    await world.interact(onsiteAtAcme("VLOG5"));
    await world.dispatcher.dispatchDue();
    expect(repliesIn(world)).toHaveLength(2);
  });
});

describe("the acknowledgement deadline, on timers the test fires", () => {
  /** The real bot, held at the door until the test lets the command through. */
  function heldBot() {
    let release: () => void = () => undefined;
    let held: Promise<void> | undefined;
    return {
      hold() {
        held = new Promise((resolve) => {
          release = resolve;
        });
      },
      release: () => release(),
      wrap: (bot: Bot): Bot => ({
        ...bot,
        handleText: async (...args) => {
          await held;
          return bot.handleText(...args);
        },
      }),
    };
  }

  it("GIVEN a quick core THEN the reply rides on the ack and the deadline's timer is gone", async () => {
    const timers = createManualTimers();
    world = await startSlackWorld({ db, mode: "single", timers });
    const answer = await world.say("apply Acme");
    expect(textOf(answer.json)).toContain("Tracking Acme");
    expect(timers.started()).toBe(1);
    expect(timers.live()).toBe(0);
  });

  it("GIVEN a core still busy at the deadline THEN Slack gets an empty ack at once and the reply through response_url", async () => {
    const timers = createManualTimers();
    const gate = heldBot();
    world = await startSlackWorld({ db, mode: "single", timers, wrapBot: gate.wrap });
    gate.hold();
    const answering = world.say("apply Acme");
    await timers.whenStarted(1);
    timers.fireAll();
    const answer = await answering;
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    gate.release();
    const late = await world.fake.waitForResponse(answer.responseId);
    expect(late.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(textOf(late.body)).toContain("Tracking Acme");
    expect(timers.live()).toBe(0);
  });
});

describe("removal and return", () => {
  it("GIVEN only a user token is revoked THEN nothing is scheduled and the installation stays", async () => {
    world = await startSlackWorld({ db, mode: "oauth" });
    await install(world, "T1");
    await world.say("apply Acme", "U1", "T1");
    const revoked = buildTokensRevoked("T1", []);
    expect((await world.event(revoked)).status).toBe(200);
    expect(await db.prisma.slackInstallation.count({ where: { teamId: "T1" } })).toBe(1);
    expect(
      (await db.prisma.workspace.findFirstOrThrow({ where: { externalId: "T1" } })).deletionScheduledAt,
    ).toBeNull();
  });

  it("GIVEN the app is uninstalled from a team never used THEN no workspace is created for it", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    expect((await world.event(buildAppUninstalled("T9"))).status).toBe(200);
    expect(await db.prisma.workspace.count({ where: { externalId: "T9" } })).toBe(0);
  });

  it("GIVEN an uninstall THEN deletion is scheduled 30 days out; a new install brings the workspace back", async () => {
    world = await startSlackWorld({ db, mode: "oauth" });
    await install(world, "T1");
    await world.say("apply Acme", "U1", "T1");
    expect((await world.event(buildAppUninstalled("T1"))).status).toBe(200);
    const scheduled = await db.prisma.workspace.findFirstOrThrow({ where: { externalId: "T1" } });
    expect(scheduled.deletionScheduledAt?.getTime()).toBe(world.clock.now().getTime() + 30 * 86_400_000);
    await install(world, "T1");
    expect(
      (await db.prisma.workspace.findFirstOrThrow({ where: { externalId: "T1" } })).deletionScheduledAt,
    ).toBeNull();
  });
});

describe("someone else's button in App Home", () => {
  it("GIVEN Ada's Home button WHEN Ben presses it THEN nothing runs and nothing is said (Home has no response_url)", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    await world.say("apply Acme");
    const { encodeButtonValue } = await import("../../src/adapters/slack/render.ts");
    world.fake.reset();
    const pressed = await world.interact(
      buildBlockAction({
        teamId: "T1",
        userId: "U2",
        actionId: "nextstep:settings.pause",
        value: encodeButtonValue({ command: "gap sql", owner: "U1" }),
        container: { type: "view", viewId: "VHOME", viewType: "home" },
      }),
    );
    expect(pressed.status).toBe(200);
    expect(await db.prisma.gap.count()).toBe(0);
    expect(world.fake.calls.filter((call) => call.method !== "users.info")).toEqual([]);
  });
});
