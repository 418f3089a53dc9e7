/** `npm start` with Slack credentials: the real entry point serves Slack over HTTP instead of the console. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFakeSlack, type FakeSlack } from "../fakes/fake-slack.ts";
import { refusingAddress, runNode, slackAddress, startNode } from "../support/cli-process.ts";
import { postSlashCommand } from "../support/slack-requests.ts";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await createFakeSlack();
  fake.addTeam({ teamId: "T1", botToken: "xoxb-t1", botUserId: "UBOT1", botId: "B1", name: "Team One" });
  fake.addUser("T1", { id: "U1", name: "ada", tz: "Europe/Berlin" });
  fake.addTeam({ teamId: "T2", botToken: "xoxb-t2", botUserId: "UBOT2", botId: "B2", name: "Team Two" });
  fake.revokeTeam("T2");
});
afterAll(async () => {
  await fake?.close();
});

it("GIVEN SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET WHEN the bot starts THEN it answers signed slash commands and stops on SIGTERM", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "nextstep-slack-"));
  const running = startNode("src/bin/start.ts", [], {
    NEXTSTEP_DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    // Any free port: the address is read from the log line that says where it listens.
    PORT: "0",
    SLACK_BOT_TOKEN: "xoxb-t1",
    SLACK_SIGNING_SECRET: "secret",
    SLACK_API_URL: fake.url,
  });
  try {
    // Discord (when configured) starts before Slack's HTTP server, so once Slack listens the process is up.
    const url = await slackAddress(running);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const answer = await postSlashCommand(url, "secret", {
      teamId: "T1",
      userId: "U1",
      text: "apply Acme",
      responseUrl: fake.responseUrl("p1"),
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json)).toContain("Tracking Acme");
  } finally {
    running.child.kill("SIGTERM");
  }
  expect((await running.finished).code).toBe(0);
}, 40_000);

it.each([
  { token: "xoxb-nobody-knows", answer: "invalid_auth", case: "an unknown token" },
  { token: "xoxb-t2", answer: "token_revoked", case: "a revoked token" },
])("GIVEN $case WHEN the bot starts THEN one line names SLACK_BOT_TOKEN and Slack's answer ($answer), without the token, and it exits 2", async ({
  token,
  answer,
}) => {
  const dataDir = await mkdtemp(join(tmpdir(), "nextstep-slack-"));
  const result = await runNode("src/bin/start.ts", [], {
    NEXTSTEP_DATA_DIR: dataDir,
    PORT: "0",
    SLACK_BOT_TOKEN: token,
    SLACK_SIGNING_SECRET: "secret",
    SLACK_API_URL: fake.url,
  });

  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    new RegExp(`^Next Step could not start: SLACK_BOT_TOKEN was refused by Slack: ${answer}\\. [^\\n]*\\n$`),
  );
  expect(result.stderr).not.toContain(token);
  expect(result.stdout).toBe("");
}, 40_000);

it("GIVEN Slack unreachable WHEN the bot starts THEN one line says Slack could not be reached to check SLACK_BOT_TOKEN, and it exits 2", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "nextstep-slack-"));
  const result = await runNode("src/bin/start.ts", [], {
    NEXTSTEP_DATA_DIR: dataDir,
    PORT: "0",
    SLACK_BOT_TOKEN: "xoxb-t1",
    SLACK_SIGNING_SECRET: "secret",
    SLACK_API_URL: await refusingAddress("/api/"),
  });

  expect(result.code).toBe(2);
  // The web client's warnings about its retries come first (they are logs); the last line says what happened.
  expect(result.stderr).toMatch(
    /(^|\n)Next Step could not start: Slack could not be reached to check SLACK_BOT_TOKEN: ECONNREFUSED\. [^\n]*\n$/,
  );
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain("xoxb-t1");
}, 40_000);
