/** Configuration: validation names the variable, and the README and .env.example list exactly the variables the code reads. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, ENVIRONMENT, loadConfig } from "../src/config.ts";

const names = ENVIRONMENT.map((variable) => variable.name).sort();

describe("loadConfig", () => {
  it("GIVEN an empty environment THEN the embedded defaults apply", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: "./.data",
      defaultTimezone: "UTC",
      logLevel: "info",
    });
  });

  it.each([
    ["DATABASE_URL", "mysql://nope"],
    ["NEXTSTEP_TIMEZONE", "Mars/Olympus"],
    ["LOG_LEVEL", "loud"],
    ["DISPATCH_INTERVAL_MS", "soon"],
    ["OUTBOX_RETENTION_DAYS", "0"],
    ["OUTBOX_RETENTION_DAYS", "forever"],
  ])("GIVEN a bad %s THEN the error names it", (variable, value) => {
    const attempt = () => loadConfig({ [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(variable));
  });

  it("GIVEN every variable set to nothing, as .env.example has them THEN the defaults apply, as if none were set", () => {
    const blank = Object.fromEntries(ENVIRONMENT.map((variable) => [variable.name, ""]));
    expect(loadConfig(blank)).toEqual(loadConfig({}));
    // A blank PORT was 0 (a random port) and a blank grace period deleted a removed workspace's data at once.
    expect(loadConfig({ PORT: " ", WORKSPACE_DELETION_GRACE_DAYS: "" })).toMatchObject({
      port: 3000,
      deletionGraceDays: 30,
    });
  });

  it("GIVEN no OUTBOX_RETENTION_DAYS THEN sent messages keep their words 30 days; a set value is used", () => {
    expect(loadConfig({}).outboxRetentionDays).toBe(30);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: "7" }).outboxRetentionDays).toBe(7);
  });

  it("GIVEN explicit overrides THEN they win over the environment", () => {
    expect(loadConfig({ NEXTSTEP_DATA_DIR: "/env" }, { dataDir: "/explicit" }).dataDir).toBe("/explicit");
  });
});

describe("documented variables", () => {
  it("GIVEN the README THEN its configuration table lists exactly the variables the code reads", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Tests"));
    const documented = [...section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(names);
  });

  it("GIVEN .env.example THEN it lists exactly the variables the code reads", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]).sort();
    expect(listed).toEqual(names);
  });
});

describe("Slack configuration", () => {
  it("GIVEN a bot token and signing secret THEN Slack runs for one workspace over HTTP with the default command", () => {
    const { slack } = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(slack).toMatchObject({ mode: "single", botToken: "xoxb-1", appToken: undefined, command: "/nextstep" });
    expect(slack?.apiUrl).toBe("http://127.0.0.1:9/api/");
  });

  it("GIVEN the three OAuth variables and a signing secret THEN Slack runs for many workspaces", () => {
    const env = {
      SLACK_CLIENT_ID: "c",
      SLACK_CLIENT_SECRET: "cs",
      SLACK_STATE_SECRET: "st",
      SLACK_SIGNING_SECRET: "s",
    };
    expect(loadConfig(env).slack?.mode).toBe("oauth");
  });

  it("GIVEN an app token THEN Socket Mode is used and no signing secret is needed", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack?.appToken).toBe("xapp-1");
  });

  it.each([
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_CLIENT_ID: "c", SLACK_CLIENT_SECRET: "cs", SLACK_SIGNING_SECRET: "s" }, "SLACK_STATE_SECRET"],
    [{ SLACK_BOT_TOKEN: "nope", SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_COMMAND: "nextstep" }, "SLACK_COMMAND"],
  ])("GIVEN a half-configured Slack (%o) THEN the error names %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}`));
  });

  it("GIVEN no Slack variables THEN there is no Slack adapter", () => {
    expect(loadConfig({}).slack).toBeUndefined();
  });
});
