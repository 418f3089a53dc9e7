/** Hole 3 on Discord: hostile member text never pings, links or formats, and every send says `allowed_mentions: none`. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { findJob } from "../../src/jobs/registry.ts";
import { type DiscordWorld, startDiscordWorld, WINS } from "../support/discord-world.ts";
import { discordInert, discordLeaks, discordMarkdown, HOSTILE } from "../support/hostile-text.ts";

/** Friday of the world's first week, 16:00 UTC: when the weekly digest is due. */
const DIGEST_AT = new Date("2026-11-27T16:00:00.000Z");

let db: Database;
let world: DiscordWorld;

const memberOf = (index: number, hostile: string) => ({
  id: `14500000000000000${String(index).padStart(2, "0")}`,
  username: hostile,
});

async function deliverEverything(): Promise<void> {
  for (let round = 0; round < 40; round++) {
    await world.dispatcher.dispatchDue();
    world.clock.advance(60_000);
  }
}

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
  world = await startDiscordWorld({ db });
  await world.command(
    "workspace",
    [
      { name: "setting", value: "channel" },
      { name: "value", value: `<#${WINS}>` },
    ],
    { group: "settings", admin: true },
  );
  for (const [index, hostile] of HOSTILE.entries()) {
    const user = memberOf(index, hostile);
    const company = { name: "company", value: hostile };
    await world.command("share", [{ name: "level", value: "company" }], { group: "settings", user });
    await world.command("apply", [company, { name: "role", value: hostile }], { user });
    await world.command("note", [company, { name: "text", value: hostile }], { group: "application", user });
    await world.command("invited", [company, { name: "stage", value: "onsite" }], { user });
    await world.command("timeline", [company], { user });
    await world.command("pipeline", [], { user });
  }
  await deliverEverything();
  world.clock.advance(DIGEST_AT.getTime() - world.clock.now().getTime());
  await findJob("weekly-digest")?.run({ now: DIGEST_AT, store: world.jobStore, logger: silentLogger });
  await deliverEverything();
}, 120_000);
afterAll(async () => {
  await world?.close();
  await db?.close();
});

/** Every request that carries a message: interaction answers, their edits and follow-ups, channel and DM posts. */
function messageRequests(): { where: string; message: Record<string, unknown> }[] {
  return world.fake.requests.flatMap((request) => {
    const where = `${request.method} ${request.path}`;
    const body = request.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    if (request.method === "POST" && /^\/interactions\/.+\/callback$/.test(request.path)) {
      // Deferrals (5, 6) and autocomplete choices (8) carry no message.
      return body.type === 4 || body.type === 7 ? [{ where, message: body.data ?? {} }] : [];
    }
    if (/^\/webhooks\//.test(request.path) && request.method !== "DELETE" && request.method !== "GET")
      return [{ where, message: body }];
    if (request.method === "POST" && /^\/channels\/\d+\/messages$/.test(request.path))
      return [{ where, message: body }];
    return [];
  });
}

const postedIn = (channel: string) =>
  world.fake
    .messages(channel)
    .flatMap((message) => discordMarkdown(message))
    .join("\n");

describe("hostile member text on Discord", () => {
  it("GIVEN every message the bot sent THEN each request says allowed_mentions: { parse: [] }", () => {
    const requests = messageRequests();
    expect(requests.length).toBeGreaterThan(HOSTILE.length * 6);
    const without = requests.filter(({ message }) => JSON.stringify(message.allowed_mentions) !== '{"parse":[]}');
    expect(without.map(({ where }) => where)).toEqual([]);
  });

  it("GIVEN hostile companies, roles, notes and names THEN no markdown Discord renders holds them raw", () => {
    const leaks = messageRequests().flatMap(({ where, message }) =>
      discordMarkdown(message).flatMap((text) =>
        discordLeaks(text).map((leak) => `${where}: ${leak} in ${JSON.stringify(text)}`),
      ),
    );
    expect(leaks).toEqual([]);
    // The core's member-text marks are the renderers' business: none reaches Discord.
    const marked = world.fake.requests.filter((request) => /[\uE000-\uE003]/.test(JSON.stringify(request.body ?? "")));
    expect(marked.map((request) => request.path)).toEqual([]);
  });

  it("GIVEN the team celebration, the DMs and the weekly digest THEN each shows the hostile text, escaped", () => {
    const channel = postedIn(WINS);
    for (const [index, hostile] of HOSTILE.entries()) {
      expect(channel, `celebration of ${hostile}`).toContain(discordInert(hostile));
      const dm = postedIn(world.fake.dmChannelId(memberOf(index, hostile).id));
      expect(dm, `DM about ${hostile}`).toContain(discordInert(hostile));
    }
    const digest = world.fake.messages(WINS).find((message) => JSON.stringify(message).includes("Wins this week"));
    expect(digest).toBeDefined();
    for (const hostile of HOSTILE)
      expect(discordMarkdown(digest).join("\n"), `digest naming ${hostile}`).toContain(discordInert(hostile));
  });
});
