/** What a failing Slack send leaves in the logs: the error's kind and ids, never a token, a response_url or member text. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { createLogger } from "../../src/logger.ts";
import { deferred } from "../support/deferred.ts";
import { captureLogs } from "../support/log-capture.ts";
import { type SlackWorld, startSlackWorld } from "../support/slack-world.ts";

let db: Database;
let world: SlackWorld | undefined;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Workspace" CASCADE`);
});
afterAll(async () => {
  await db?.close();
});

const COMPANY = "Zanzibar Quantum Widgets";

describe("a failing late reply", () => {
  it("GIVEN the response_url refuses an export's late reply THEN the log names the failure, and holds no token, no response_url and no company name", async () => {
    const logs = captureLogs();
    const coreMayAnswer = deferred();
    let slowNow = false;
    const slow = (bot: Bot): Bot => ({
      ...bot,
      handleText: async (...args) => {
        // Held until the acknowledgement has gone, so the reply must go through response_url.
        if (slowNow) await coreMayAnswer.promise;
        return bot.handleText(...args);
      },
    });
    world = await startSlackWorld({
      db,
      mode: "single",
      ackDeadlineMs: 150,
      wrapBot: slow,
      logger: createLogger("debug", { stream: logs.stream }),
    });
    await world.say(`apply "${COMPANY}"`);
    slowNow = true;
    world.fake.failNext("response_url", { status: 500 });
    const answer = await world.say("export");
    expect(answer.text).toBe("");
    coreMayAnswer.resolve();

    const refused = await world.fake.waitForResponse(answer.responseId, 5000);
    expect(JSON.stringify(refused.body)).toContain(COMPANY);
    const line = await logs.lineWith("unhandled error in a Slack handler");
    // Only the error's kind and codes: a message or stack may quote what was sent.
    expect(line.err).toEqual({ name: "Error", code: "slack_bolt_respond_error", status: 500 });
    const written = logs.text();
    expect(written).not.toContain("xoxb-t1");
    expect(written).not.toContain(world.fake.responseUrl(answer.responseId));
    expect(written).not.toContain(COMPANY);
  });
});
