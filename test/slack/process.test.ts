/** `npm start` with Slack credentials: the real entry point serves Slack over HTTP instead of the console. */
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFakeSlack, type FakeSlack } from "../fakes/fake-slack.ts";
import { postSlashCommand } from "../support/slack-requests.ts";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await createFakeSlack();
  fake.addTeam({ teamId: "T1", botToken: "xoxb-t1", botUserId: "UBOT1", botId: "B1", name: "Team One" });
  fake.addUser("T1", { id: "U1", name: "ada", tz: "Europe/Berlin" });
});
afterAll(async () => {
  await fake?.close();
});

it("GIVEN SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET WHEN the bot starts THEN it answers signed slash commands and stops on SIGTERM", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "nextstep-slack-"));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ["--import", "tsx", "src/bin/start.ts"], {
    env: {
      ...process.env,
      NEXTSTEP_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-t1",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: fake.url,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    const url = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status, {
        timeout: 20_000,
        interval: 200,
      })
      .toBe(200);
    const answer = await postSlashCommand(url, "secret", {
      teamId: "T1",
      userId: "U1",
      text: "apply Acme",
      responseUrl: fake.responseUrl("p1"),
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json)).toContain("Tracking Acme");
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
}, 40_000);
