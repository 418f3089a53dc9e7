/** `npm start` with a Discord token that Discord refuses, or no Discord to ask: one clear line and exit 2, not a stack. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFakeDiscord, type FakeDiscord } from "../fakes/fake-discord.ts";
import { refusingAddress, runNode } from "../support/cli-process.ts";
import { APP, TOKEN } from "../support/discord-world.ts";

let discord: FakeDiscord;
beforeAll(async () => {
  discord = await createFakeDiscord({ applicationId: APP, token: TOKEN });
});
afterAll(async () => {
  await discord?.close();
});

async function start(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), "nextstep-discord-"));
  return runNode("src/bin/start.ts", [], { NEXTSTEP_DATA_DIR: dataDir, DISCORD_APPLICATION_ID: APP, ...env });
}

it("GIVEN a DISCORD_TOKEN that Discord answers with 401 WHEN the bot starts THEN one line names DISCORD_TOKEN and Discord's answer, without the token, and it exits 2", async () => {
  const result = await start({ DISCORD_TOKEN: "not-the-bot-token", DISCORD_API_URL: discord.apiUrl });

  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    /^Next Step could not start: DISCORD_TOKEN was refused by Discord: 401 Unauthorized\. [^\n]*\n$/,
  );
  expect(result.stderr).not.toContain("not-the-bot-token");
  expect(result.stdout).toBe("");
}, 40_000);

it("GIVEN Discord unreachable WHEN the bot starts THEN one line says Discord could not be reached to check DISCORD_TOKEN, and it exits 2", async () => {
  const result = await start({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: await refusingAddress("/api") });

  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    /(^|\n)Next Step could not start: Discord could not be reached to check DISCORD_TOKEN: ECONNREFUSED\. [^\n]*\n$/,
  );
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain(TOKEN);
}, 40_000);
