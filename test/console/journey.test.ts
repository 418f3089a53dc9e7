/** The console edition end to end: the real CLI in a child process, a whole member journey, scheduled jobs at simulated times. */

import { afterEach, describe, expect, it } from "vitest";
import { feedbackRequestTemplate } from "../../src/core/copy/templates.ts";
import { withoutMarks } from "../../src/core/member-text.ts";
import { JOBS } from "../../src/jobs/registry.ts";
import {
  afternoonZone,
  outputByCommand,
  type PrintedMessage,
  parseTranscript,
  runNode,
  runToEnd,
  startNode,
  startProcess,
  temporaryDataDir,
} from "../support/cli-process.ts";

const MAIN = "src/bin/start.ts";
const JOBS_CLI = "src/bin/jobs.ts";
const DAY_MS = 86_400_000;
const SLOW = 60_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A data directory for this test, and the environment pointing the CLI at it, in a zone where it is afternoon. */
async function givenConsole(): Promise<{ dataDir: string; env: Record<string, string> }> {
  const dir = await temporaryDataDir();
  cleanups.push(dir.remove);
  return {
    dataDir: dir.path,
    env: { NEXTSTEP_DATA_DIR: dir.path, NEXTSTEP_CONSOLE_USER: "Ada", NEXTSTEP_TIMEZONE: afternoonZone() },
  };
}

function outputOf(byCommand: Map<string, PrintedMessage[]>, command: string): PrintedMessage[] {
  const printed = byCommand.get(command);
  if (!printed) throw new Error(`The transcript has no command ${JSON.stringify(command)}`);
  return printed;
}

const labelled = (printed: readonly PrintedMessage[], label: string) =>
  printed.filter((message) => message.label === label);

interface ExportedApplication {
  id: string;
  company: string;
  status: string;
  statusChangedAt: string;
  feedback: { state: string; feedback: string | null } | null;
  rounds: { stage: string | null }[];
}

interface Exported {
  member: { displayName: string };
  applications: ExportedApplication[];
  reflections: { personMet: string | null; learned: string | null }[];
  gaps: { topic: string }[];
}

/** The JSON document the `export` reply carries after its `[next-step-export.json]` line. */
function exportedDocument(printed: readonly PrintedMessage[]): Exported {
  const reply = labelled(printed, "next-step")[0]?.body ?? "";
  const marker = "[next-step-export.json]\n";
  expect(reply).toContain(marker);
  return JSON.parse(reply.slice(reply.indexOf(marker) + marker.length)) as Exported;
}

describe("console journey", () => {
  it(
    "GIVEN a member's whole journey piped in WHEN the console runs it THEN wins reach #team, rejections stay private, and forget erases everything",
    async () => {
      const { env } = await givenConsole();
      const commands = [
        "share on",
        'apply Acme "Backend engineer"',
        "round Acme screen yesterday",
        "invited Acme technical next tuesday",
        "apply Globex",
        "rejected Globex",
        "asked Globex",
        "feedback Globex They wanted more system design",
        "met Acme Dana, the staff engineer",
        "learned Acme how they shard postgres",
        "gap system design",
        "pipeline",
        "stats",
        "export",
        "forget",
        "forget confirm",
        "pipeline",
      ];

      const result = await runNode(MAIN, [], env, `${commands.join("\n")}\n`);

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const transcript = parseTranscript(result.stdout);
      const byCommand = outputByCommand(transcript);
      // Every command was echoed and answered, in order ("pipeline", run twice, is read by position below).
      expect([...byCommand.keys()]).toEqual([...new Set(commands)]);

      const invited = outputOf(byCommand, "invited Acme technical next tuesday");
      const celebration = labelled(invited, "#team");
      expect(celebration).toHaveLength(1);
      expect(celebration[0]?.body).toContain("Ada");
      // Sharing "on" names the member but not the company.
      expect(celebration[0]?.body).not.toContain("Acme");
      expect(labelled(invited, "DM from next-step").map((message) => message.body)).toEqual([
        expect.stringContaining("Acme"),
      ]);

      const channelPosts = labelled(transcript, "#team");
      expect(channelPosts).toHaveLength(1);
      for (const post of channelPosts) expect(post.body).not.toMatch(/globex|reject/i);
      const rejected = outputOf(byCommand, "rejected Globex");
      expect(rejected.map((message) => message.label)).toEqual(["next-step"]);
      expect(rejected[0]?.body).toMatch(/privately/);

      expect(outputOf(byCommand, "asked Globex")[0]?.body).toContain("Globex");
      expect(outputOf(byCommand, "feedback Globex They wanted more system design")[0]?.body).toContain("Globex");
      expect(outputOf(byCommand, "met Acme Dana, the staff engineer")[0]?.body).toContain("Dana");
      expect(outputOf(byCommand, "learned Acme how they shard postgres")[0]?.body).toContain("shard postgres");
      expect(outputOf(byCommand, "gap system design")[0]?.body).toMatch(/Gap #1/);

      const pipelines = transcript
        .map((message, index) =>
          message.label === "you" && message.body === "pipeline" ? transcript[index + 1] : null,
        )
        .filter((message) => message !== null);
      expect(pipelines).toHaveLength(2);
      expect(pipelines[0]?.body).toMatch(/Acme \(Backend engineer\): technical interview/);
      expect(pipelines[0]?.body).toMatch(/Globex: rejected/);
      expect(pipelines[1]?.body).toMatch(/Your pipeline is empty/);

      const stats = outputOf(byCommand, "stats")[0]?.body ?? "";
      expect(stats).toMatch(/Invitations to a next step: 1/);
      expect(stats).toMatch(/People met: 1/);
      expect(stats).toMatch(/Things learned: 1/);
      expect(stats).toMatch(/Feedback received: 1 of 1 asked/);

      const exported = exportedDocument(outputOf(byCommand, "export"));
      expect(exported.member.displayName).toBe("Ada");
      expect(exported.applications.map((application) => [application.company, application.status])).toEqual([
        ["Acme", "ACTIVE"],
        ["Globex", "REJECTED"],
      ]);
      expect(exported.applications[1]?.feedback).toMatchObject({
        state: "RECEIVED",
        feedback: "They wanted more system design",
      });
      expect(exported.reflections.map((reflection) => reflection.personMet ?? reflection.learned)).toEqual([
        "Dana, the staff engineer",
        "how they shard postgres",
      ]);
      expect(exported.gaps.map((gap) => gap.topic)).toEqual(["system design"]);

      expect(outputOf(byCommand, "forget")[0]?.body).toMatch(/forget confirm/);
      expect(outputOf(byCommand, "forget confirm")[0]?.body).toMatch(/deleted/);
    },
    SLOW,
  );

  it(
    "GIVEN several applications at one company, an unclear name and rounds logged twice WHEN piped in THEN the console asks which, offers the lines to type, and the views stay true",
    async () => {
      const { env } = await givenConsole();
      const commands = [
        "apply Hooli Backend",
        "apply Hooli Platform",
        "offer hooli",
        'offer "Hooli (Backend)"',
        "apply Zeta Labs",
        'apply "Zeta Labs"',
        "timeline zetta",
        "apply Acme Backend https://acme.jobs/1 applied yesterday",
        "round acme technical tomorrow 3pm",
        "round Acme technical tomorrow 15:00",
        "invited acme onsite",
        "timeline acme",
        "pipeline",
      ];
      const result = await runNode(MAIN, [], env, `${commands.join("\n")}\n`);
      expect(result.stderr).toBe("");
      const byCommand = outputByCommand(parseTranscript(result.stdout));
      const answer = (line: string) => outputOf(byCommand, line)[0]?.body ?? "";

      expect(answer("apply Hooli Platform")).toContain("2 applications at Hooli");
      expect(answer("offer hooli")).toContain("Which Hooli?");
      // The console offers the buttons as a numbered choice.
      expect(answer("offer hooli")).toContain("[1] Hooli (Backend)  [2] Hooli (Platform)");
      expect(answer('offer "Hooli (Backend)"')).toContain("An offer from Hooli");
      expect(answer("apply Zeta Labs")).toContain('Is that the company "Zeta Labs", or the role "Labs" at Zeta?');
      expect(answer("apply Zeta Labs")).toContain('[1] Company "Zeta Labs"  [2] "Labs" at Zeta');
      expect(answer('apply "Zeta Labs"')).toContain("Tracking Zeta Labs.");
      expect(answer("timeline zetta")).toContain('Did you mean "Zeta Labs"?');
      expect(answer("timeline zetta")).toContain("[1] Zeta Labs");
      expect(answer("apply Acme Backend https://acme.jobs/1 applied yesterday")).toMatch(
        /Tracking Backend at Acme \(applied \w{3} \d+ \w+ \d{4}, link saved\)/,
      );
      expect(answer("round Acme technical tomorrow 15:00")).toContain("You already have the technical interview");
      const timeline = answer("timeline acme");
      expect(timeline.match(/technical interview/g)).toHaveLength(1);
      expect(timeline).toContain("technical interview: passed");
      expect(timeline).toContain("invited to the onsite");
      const pipeline = answer("pipeline");
      expect(pipeline).toContain("Hooli (Backend): offer");
      expect(pipeline).toContain("Hooli (Platform): applied, waiting to hear");
      expect(pipeline).toContain("Acme (Backend): invited to the onsite");
    },
    SLOW,
  );

  it(
    "GIVEN a logged rejection WHEN the feedback-chase job runs four days later THEN the encouragement and a ready-to-send feedback request arrive as DMs, once",
    async () => {
      const { env } = await givenConsole();
      const session = await runNode(
        MAIN,
        [],
        env,
        [
          'apply Globex "Platform engineer"',
          "met Globex Dana Scully",
          "rejected Globex onsite",
          "pipeline",
          "export",
          "",
        ].join("\n"),
      );
      expect(session.code).toBe(0);
      const sessionOutput = parseTranscript(session.stdout);
      // The encouragement waits a few minutes after the rejection, so the session ends before it is due.
      expect(labelled(sessionOutput, "DM from next-step")).toEqual([]);
      const globex = exportedDocument(outputOf(outputByCommand(sessionOutput), "export")).applications[0];
      if (!globex) throw new Error("The export has no application");
      const now = new Date(new Date(globex.statusChangedAt).getTime() + 4 * DAY_MS).toISOString();

      const chase = await runNode(JOBS_CLI, ["run", "feedback-chase", "--now", now], env);

      expect(chase.stderr).toBe("");
      expect(chase.code).toBe(0);
      const printed = parseTranscript(chase.stdout);
      const direct = labelled(printed, "DM from next-step");
      expect(direct).toHaveLength(2);
      const encouragement = direct.find((message) => message.body.includes("(I asked for feedback)"));
      expect(encouragement?.body).toContain("Globex");
      expect(encouragement?.body).not.toContain("Subject:");
      const request = direct.find((message) => message.body.startsWith("== Feedback from Globex =="));
      expect(request?.body).toContain(
        withoutMarks(
          feedbackRequestTemplate({
            company: "Globex",
            interviewer: "Dana Scully",
            memberName: "Ada",
            role: "Platform engineer",
            stage: "ONSITE",
          }),
        ),
      );
      expect(request?.body).toMatch(/`asked "?Globex"?` \(I asked for feedback\)/);
      expect(labelled(printed, "#team")).toEqual([]);
      expect(chase.stdout).toContain(`feedback-chase at ${now}: 1 new message(s), 2 delivered, 0 to retry, 0 failed.`);

      const again = await runNode(JOBS_CLI, ["run", "feedback-chase", "--now", now], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`feedback-chase at ${now}: 0 new message(s), 0 delivered`);
      expect(labelled(parseTranscript(again.stdout), "DM from next-step")).toEqual([]);
    },
    SLOW,
  );
});

describe("console replies show what was understood", () => {
  it(
    "GIVEN dates, quiet hours, a pause and slips piped in WHEN the console runs them THEN each reply echoes what it understood, asks once about 12/03, and names what is missing",
    async () => {
      const { env } = await givenConsole();
      const commands = [
        "apply Acme",
        "round Acme screen yesterday 3pm",
        "round Acme technical 12/03 3pm",
        "round Acme technical 12/03 3pm --month-first",
        "round Acme final 03.12.2026 10:00",
        "quiet 9pm-7am",
        "pause 2 weeks",
        "round",
        "asked Acme Corp",
        "settings",
      ];

      const result = await runNode(MAIN, [], env, `${commands.join("\n")}\n`);

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const byCommand = outputByCommand(parseTranscript(result.stdout));
      const reply = (command: string) => labelled(outputOf(byCommand, command), "next-step")[0]?.body ?? "";
      const DAY = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}";

      expect(reply("round Acme screen yesterday 3pm")).toMatch(new RegExp(`with Acme, held on ${DAY}, 15:00\\.`));
      const question = reply("round Acme technical 12/03 3pm");
      expect(question).toContain("Quick check: by 12/03, do you mean 12 March or 3 December?");
      expect(question).toContain("[1] 12 March  [2] 3 December");
      const answered = reply("round Acme technical 12/03 3pm --month-first");
      // Whether 3 December is ahead or just gone depends on the day the test runs; the day read is the same.
      expect(answered).toMatch(/with Acme, (held on|scheduled for) \w{3} 3 Dec \d{4}, 15:00\./);
      expect(answered).toContain("I'll read dates like 3/12 month first from now on");
      expect(reply("round Acme final 03.12.2026 10:00")).toMatch(/(held on|scheduled for) Thu 3 Dec 2026, 10:00\./);
      expect(reply("quiet 9pm-7am")).toContain("quiet from 21:00 to 07:00");
      expect(reply("pause 2 weeks")).toMatch(new RegExp(`Paused for 14 days, until ${DAY}, \\d{2}:\\d{2}\\.`));
      expect(reply("round")).toContain("Which company? Try `round Acme technical tomorrow 3pm`.");
      expect(reply("asked Acme Corp")).toContain('put it in quotes: `asked "Acme Corp"`');
      expect(reply("settings")).toContain("Dates (dates): month first: 3/12 is March 12");
    },
    SLOW,
  );
});

describe("console processes", () => {
  it(
    "GIVEN a console still running WHEN a second process opens the same data directory THEN it exits non-zero naming the first one's pid, until SIGTERM stops the first cleanly",
    async () => {
      const { env } = await givenConsole();
      const first = startNode(MAIN, [], env);
      cleanups.push(async () => {
        if (first.child.exitCode === null) first.child.kill();
      });
      first.child.stdin.write("pipeline\n");
      await first.waitForOutput("Your pipeline is empty");

      const second = await runNode(MAIN, [], env, "pipeline\n");
      const jobs = await runNode(JOBS_CLI, ["run", "feedback-chase"], env);

      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`in use by process ${first.child.pid}`);
      expect(second.stdout).not.toContain("Your pipeline");
      expect(jobs.code).not.toBe(0);
      expect(jobs.stderr).toContain(`in use by process ${first.child.pid}`);
      // SIGTERM is a graceful shutdown: exit 0 and the lock released.
      first.child.kill("SIGTERM");
      const finished = await first.finished;
      expect(finished.code).toBe(0);

      // Once the first has exited, the directory is free again.
      const third = await runNode(MAIN, [], env, "pipeline\n");
      expect(third.code).toBe(0);
      expect(third.stdout).toContain("Your pipeline is empty");
    },
    SLOW,
  );

  it(
    "GIVEN `npm run jobs -- list` THEN every job is named with its schedule",
    async () => {
      const { env } = await givenConsole();
      const listed = await runToEnd(startProcess("npm", ["run", "jobs", "--", "list"], env));

      expect(listed.code).toBe(0);
      // Descriptions name admin commands in parentheses: matched as text, not as a pattern.
      const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      for (const job of JOBS)
        expect(listed.stdout).toMatch(new RegExp(`^${job.name} +\\S.* ${literal(job.description)}$`, "m"));
      expect(JOBS.length).toBeGreaterThanOrEqual(7);
    },
    SLOW,
  );

  it(
    "GIVEN an unknown job WHEN run THEN the jobs CLI exits 2 naming the jobs there are",
    async () => {
      const { env } = await givenConsole();
      const result = await runNode(JOBS_CLI, ["run", "nonsense"], env);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('No job "nonsense"');
      for (const job of JOBS) expect(result.stderr).toContain(job.name);
    },
    SLOW,
  );

  it(
    "GIVEN a bad LOG_LEVEL WHEN the jobs CLI runs a job THEN it fails naming LOG_LEVEL",
    async () => {
      const { env } = await givenConsole();
      const result = await runNode(JOBS_CLI, ["run", "feedback-chase"], { ...env, LOG_LEVEL: "loud" });

      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^Configuration error: LOG_LEVEL\b/);
    },
    SLOW,
  );

  it.each([
    { variable: "LOG_LEVEL", value: "loud" },
    { variable: "NEXTSTEP_TIMEZONE", value: "Mars/Olympus_Mons" },
  ])(
    "GIVEN $variable=$value WHEN the bot starts THEN it exits 2 with a message naming $variable",
    async ({ variable, value }) => {
      const { env } = await givenConsole();
      const result = await runNode(MAIN, [], { ...env, [variable]: value }, "pipeline\n");

      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^Configuration error: ${variable}\\b`));
      expect(result.stdout).toBe("");
    },
    SLOW,
  );
});
