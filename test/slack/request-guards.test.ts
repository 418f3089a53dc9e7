/** What the Slack app refuses or ignores before any handler runs: requests dated in the future, and retries of events it already has. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { buildAppHomeOpened, postEvent, postSlashCommand } from "../support/slack-requests.ts";
import { SECRET, type SlackWorld, startSlackWorld } from "../support/slack-world.ts";

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

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("a request dated in the future", () => {
  it.each([
    ["a year", 365 * 86_400],
    ["six minutes", 6 * 60],
  ])("GIVEN a correctly signed slash command dated %s ahead THEN it is answered 401 and nothing is written", async (_what, ahead) => {
    world = await startSlackWorld({ db, mode: "single" });
    const answer = await postSlashCommand(
      world.appUrl,
      SECRET,
      { teamId: "T1", userId: "U1", text: "apply Acme", responseUrl: world.fake.responseUrl("x") },
      { timestampSeconds: nowSeconds() + ahead },
    );
    expect(answer.status).toBe(401);
    expect(await db.prisma.application.count()).toBe(0);
  });

  it("GIVEN a request dated a minute ahead (a clock slightly off) THEN it is handled as usual", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    const answer = await postSlashCommand(
      world.appUrl,
      SECRET,
      { teamId: "T1", userId: "U1", text: "apply Acme", responseUrl: world.fake.responseUrl("x") },
      { timestampSeconds: nowSeconds() + 60 },
    );
    expect(answer.status).toBe(200);
    expect(await db.prisma.application.count()).toBe(1);
  });
});

describe("Slack's retries", () => {
  it("GIVEN an event already received WHEN Slack redelivers it with X-Slack-Retry-Num THEN it is acknowledged and not handled again", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    const publishesFor = (user: string) =>
      world?.fake.callsTo("views.publish").filter((call) => call.params.user_id === user).length;
    const opened = buildAppHomeOpened({ teamId: "T1", userId: "U1" });
    expect((await postEvent(world.appUrl, SECRET, opened)).status).toBe(200);
    await world.fake.waitFor("views.publish", () => true, 5000);

    const retried = await postEvent(world.appUrl, SECRET, opened, { retry: { num: 1, reason: "http_timeout" } });
    expect(retried.status).toBe(200);
    // A later event for someone else, handled after the retry would have been: once it is published, the retry had its turn.
    await postEvent(world.appUrl, SECRET, buildAppHomeOpened({ teamId: "T1", userId: "U2" }));
    await world.fake.waitFor("views.publish", (call) => call.params.user_id === "U2", 5000);
    expect(publishesFor("U1")).toBe(1);
  });

  it("GIVEN a retry of an event whose first delivery never arrived THEN it is handled", async () => {
    world = await startSlackWorld({ db, mode: "single" });
    const opened = buildAppHomeOpened({ teamId: "T1", userId: "U1" });
    const retried = await postEvent(world.appUrl, SECRET, opened, { retry: { num: 1, reason: "http_error" } });
    expect(retried.status).toBe(200);
    await world.fake.waitFor("views.publish", () => true, 5000);
  });
});
