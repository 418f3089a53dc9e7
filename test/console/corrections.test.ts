/** The console edition end to end, correcting what was logged: the real CLI in a child process, then a job run. */
import { afterEach, describe, expect, it } from "vitest";
import {
  afternoonZone,
  outputByCommand,
  type PrintedMessage,
  parseTranscript,
  runNode,
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

function replyTo(byCommand: Map<string, PrintedMessage[]>, command: string): string {
  const printed = byCommand.get(command);
  if (!printed) throw new Error(`The transcript has no command ${JSON.stringify(command)}`);
  return printed.find((message) => message.label === "next-step")?.body ?? "";
}

describe("console corrections", () => {
  it(
    "GIVEN a member correcting their log WHEN the console runs it THEN fields, rounds and notes change, a deleted application leaves nothing queued, and export reads plainly",
    async () => {
      const dir = await temporaryDataDir();
      cleanups.push(dir.remove);
      const env = { NEXTSTEP_DATA_DIR: dir.path, NEXTSTEP_CONSOLE_USER: "Ada", NEXTSTEP_TIMEZONE: afternoonZone() };
      const commands = [
        "share on",
        'apply Acme "Backend engineer"',
        "round Acme screen yesterday",
        "invited Acme technical in 3 days 10:00",
        "rounds acme",
        "round-edit acme 2 stage system design",
        "round-cancel acme 2",
        "edit acme link https://acme.example/jobs/7",
        "edit acme source a meetup",
        "edit acme applied 5 days ago",
        "note acme recruiter is Sam",
        "timeline acme",
        "apply Globex",
        "rejected Globex",
        "delete globex",
        'delete "Globex" --yes',
        "pipeline",
        "export",
      ];

      const session = await runNode(MAIN, [], env, `${commands.join("\n")}\n`);

      expect(session.stderr).toBe("");
      expect(session.code).toBe(0);
      const byCommand = outputByCommand(parseTranscript(session.stdout));
      expect([...byCommand.keys()]).toEqual(commands);
      expect(replyTo(byCommand, "rounds acme")).toMatch(/1\. screening call, .*, passed\n.*2\. technical interview/);
      expect(replyTo(byCommand, "round-edit acme 2 stage system design")).toContain("→ system design interview");
      expect(replyTo(byCommand, "round-cancel acme 2")).toContain("Removed round 2 with Acme");
      expect(replyTo(byCommand, "edit acme link https://acme.example/jobs/7")).toBe(
        `Acme's link: (none) → "https://acme.example/jobs/7".`,
      );
      const timeline = replyTo(byCommand, "timeline acme");
      expect(timeline).toContain("Found through: a meetup");
      expect(timeline).toContain("note: recruiter is Sam");
      expect(timeline).not.toContain("technical");
      expect(replyTo(byCommand, "delete globex")).toContain("[1] Delete Globex  [2] Keep it");
      expect(replyTo(byCommand, 'delete "Globex" --yes')).toContain("Deleted Globex");
      expect(replyTo(byCommand, "pipeline")).not.toContain("Globex");

      const exportReply = replyTo(byCommand, "export");
      const document = JSON.parse(exportReply.slice(exportReply.indexOf("{")));
      expect(document.applications).toMatchObject([
        {
          company: "Acme",
          link: "https://acme.example/jobs/7",
          source: "a meetup",
          notes: [{ text: "recruiter is Sam" }],
        },
      ]);
      expect(document.applications[0].rounds.map((round: { stage: string }) => round.stage)).toEqual(["SCREEN"]);
      // The invitation's celebration and congratulation went out at once; the rejection's encouragement was cancelled unsent.
      expect(document.messages).toHaveLength(2);
      expect(document.messages).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "celebration", to: "the team channel", sent: true }),
          expect.objectContaining({ kind: "congratulation", to: "you", sent: true }),
        ]),
      );
      expect(exportReply).not.toMatch(/dedupeKey|attempts|leaseUntil|lastError|⟦/);

      // Days later the jobs find nothing of Globex's to chase.
      const now = new Date(Date.now() + 4 * DAY_MS).toISOString();
      const chase = await runNode(JOBS_CLI, ["run", "feedback-chase", "--now", now], env);
      expect(chase.code).toBe(0);
      expect(chase.stdout).toContain(`feedback-chase at ${now}: 0 new message(s), 0 delivered`);
    },
    SLOW,
  );
});
