/** Setting up the console edition: `.env`, NEXTSTEP_CONSOLE_USER, and `npm start` with nothing to read. Real child processes. */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  afternoonZone,
  outputByCommand,
  parseTranscript,
  REPO_ROOT,
  runNode,
  temporaryDataDir,
} from "../support/cli-process.ts";

const MAIN = "src/bin/start.ts";
const SLOW = 60_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function givenDirectory(): Promise<string> {
  const dir = await temporaryDataDir();
  cleanups.push(dir.remove);
  return dir.path;
}

/** What the bot answered to `command` in a piped session's transcript. */
function answerTo(stdout: string, command: string): string {
  return (outputByCommand(parseTranscript(stdout)).get(command) ?? []).map((message) => message.body).join("\n");
}

describe("NEXTSTEP_CONSOLE_USER", () => {
  it(
    "GIVEN the default member's pipeline WHEN Sam starts the console on the same data THEN he is a member of his own, his win is posted in #team, and the default member's data stays theirs",
    async () => {
      const dataDir = await givenDirectory();
      // A variable set to nothing is unset: the OS user, as the default member.
      const env = { NEXTSTEP_DATA_DIR: dataDir, NEXTSTEP_TIMEZONE: afternoonZone(), NEXTSTEP_CONSOLE_USER: "" };

      const first = await runNode(MAIN, [], env, "apply Acme\n");
      const sam = await runNode(
        MAIN,
        [],
        { ...env, NEXTSTEP_CONSOLE_USER: "Sam" },
        // The first win asks; "1" is its first choice, Share with my name.
        "apply Globex\ninvited Globex onsite\n1\npipeline\n",
      );
      const again = await runNode(MAIN, [], env, "pipeline\n");

      expect([first.code, sam.code, again.code]).toEqual([0, 0, 0]);
      expect(answerTo(sam.stdout, "pipeline")).toMatch(/Globex/);
      expect(answerTo(sam.stdout, "pipeline")).not.toMatch(/Acme/);
      const team = parseTranscript(sam.stdout).filter((message) => message.label === "#team");
      expect(team).toHaveLength(1);
      expect(team[0]?.body).toContain("Sam");
      expect(answerTo(again.stdout, "pipeline")).toMatch(/Acme/);
      expect(answerTo(again.stdout, "pipeline")).not.toMatch(/Globex/);
    },
    SLOW,
  );
});

describe(".env", () => {
  it(
    "GIVEN .env.example copied as-is to .env WHEN npm start runs there THEN the console bot starts with the defaults, its data under ./.data",
    async () => {
      const directory = await givenDirectory();
      await copyFile(join(REPO_ROOT, ".env.example"), join(directory, ".env"));

      const result = await runNode(MAIN, [], { NEXTSTEP_TIMEZONE: "" }, "pipeline\n", { cwd: directory });

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(answerTo(result.stdout, "pipeline")).toMatch(/Your pipeline is empty/);
      await expect(readFile(join(directory, ".data", "pgdata", "PG_VERSION"), "utf8")).resolves.toMatch(/\d/);
    },
    SLOW,
  );

  it(
    "GIVEN a .env WHEN npm start runs THEN its variables are read, and a variable already in the environment wins over it",
    async () => {
      const directory = await givenDirectory();
      await writeFile(
        join(directory, ".env"),
        ["# a comment", "NEXTSTEP_CONSOLE_USER=Robin", "LOG_LEVEL=loud", "NEXTSTEP_DATA_DIR=./robin-data", ""].join(
          "\n",
        ),
      );

      // The harness sets LOG_LEVEL=warn in the environment: the file's invalid value must not be used.
      const result = await runNode(MAIN, [], {}, "export\n", { cwd: directory });

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(answerTo(result.stdout, "export")).toContain('"displayName": "Robin"');
      await expect(readFile(join(directory, "robin-data", "pgdata", "PG_VERSION"), "utf8")).resolves.toMatch(/\d/);
    },
    SLOW,
  );
});

describe("npm start with nothing to read", () => {
  it(
    "GIVEN no platform and standard input closed with nothing on it THEN it says how to configure a platform and exits non-zero; piped lines, even a blank one, still run",
    async () => {
      const dataDir = await givenDirectory();
      const env = { NEXTSTEP_DATA_DIR: dataDir };

      const empty = await runNode(MAIN, [], env, "");
      const blank = await runNode(MAIN, [], env, "\n");
      const piped = await runNode(MAIN, [], env, "apply Acme\n");

      expect(empty.code).toBe(2);
      expect(empty.stdout).toBe("");
      expect(empty.stderr).toMatch(/^Next Step has no platform configured and nothing came on standard input/);
      for (const name of ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN", "DISCORD_APPLICATION_ID"])
        expect(empty.stderr).toContain(name);
      expect(empty.stderr).toContain("README.md");
      expect([blank.code, blank.stderr, blank.stdout]).toEqual([0, "", ""]);
      expect(piped.code).toBe(0);
      expect(piped.stderr).toBe("");
      expect(answerTo(piped.stdout, "apply Acme")).toMatch(/Tracking Acme/);
    },
    SLOW,
  );
});
