/** `npm start` with Slack and Discord credentials serves both from one process. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFakeDiscord, type FakeDiscord } from "../fakes/fake-discord.ts";
import { createFakeSlack, type FakeSlack } from "../fakes/fake-slack.ts";
import { slackAddress, startNode } from "../support/cli-process.ts";
import { chatInputInteraction, snowflake } from "../support/discord-payloads.ts";
import { ADA, APP, GUILD, TOKEN, WINS } from "../support/discord-world.ts";
import { postSlashCommand } from "../support/slack-requests.ts";

let slack: FakeSlack;
let discord: FakeDiscord;
beforeAll(async () => {
  slack = await createFakeSlack();
  slack.addTeam({ teamId: "T1", botToken: "xoxb-t1", botUserId: "UBOT1", botId: "B1", name: "Team One" });
  slack.addUser("T1", { id: "U1", name: "ada", tz: "Europe/Berlin" });
  discord = await createFakeDiscord({
    applicationId: APP,
    token: TOKEN,
    heartbeatIntervalMs: 45_000,
    interactionDeadlineMs: 15_000,
  });
  discord.addGuild({
    id: GUILD,
    name: "Cohort",
    ownerId: ADA.id,
    channels: [{ id: WINS, name: "wins" }],
    members: [ADA],
  });
});
afterAll(async () => {
  await slack?.close();
  await discord?.close();
});

it("GIVEN both platforms configured WHEN the bot starts THEN Slack and Discord members are both answered", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "nextstep-both-"));
  const running = startNode("src/bin/start.ts", [], {
    NEXTSTEP_DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    // Any free port: the address is read from the log line that says where it listens.
    PORT: "0",
    SLACK_BOT_TOKEN: "xoxb-t1",
    SLACK_SIGNING_SECRET: "secret",
    SLACK_API_URL: slack.url,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP,
    DISCORD_API_URL: discord.apiUrl,
  });
  try {
    // Discord (when configured) starts before Slack's HTTP server, so once Slack listens the process is up.
    const url = await slackAddress(running);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const answer = await postSlashCommand(url, "secret", {
      teamId: "T1",
      userId: "U1",
      text: "apply Acme",
      responseUrl: slack.responseUrl("b1"),
    });
    expect(JSON.stringify(answer.json)).toContain("Tracking Acme");

    // Discord starts before Slack's HTTP server, so a ready process has a ready Discord client.
    expect(discord.gateway.identifies.length).toBeGreaterThan(0);
    const interaction = chatInputInteraction({
      id: snowflake(),
      applicationId: APP,
      user: ADA,
      guildId: GUILD,
      channelId: WINS,
      subcommand: "apply",
      options: [{ name: "company", value: "Globex" }],
    });
    discord.dispatchInteraction(interaction);
    const reply = await discord.waitForInteractionResponse(interaction.id, 15_000);
    expect(JSON.stringify(reply.data)).toContain("Tracking Globex");
  } finally {
    running.child.kill("SIGTERM");
  }
  expect((await running.finished).code).toBe(0);
}, 60_000);
