/** The outcome code table is complete both ways: every code has a way to happen, and every answer carries a code from it. */
import { describe, expect, it } from "vitest";
import type { BotUser } from "../../src/core/bot.ts";
import { COMMAND_TABLE } from "../../src/core/commands/table.ts";
import { MEMBER_LIMITS } from "../../src/core/limits.ts";
import type { BotMessage } from "../../src/core/model.ts";
import { OUTCOME_CODES, type OutcomeCode } from "../../src/core/outcomes.ts";
import { ADA, ADMIN, createHarness, type Harness, plain, TEAM } from "../support/core-harness.ts";

interface Scenario {
  /** Set-up beyond Ada's lines, such as an admin's team channel. */
  prepare?: (h: Harness) => Promise<void>;
  /** Lines Ada sends first, each of which must be done. */
  given?: readonly string[];
  /** The line, or how to read it from the replies to the given lines (a button's command). */
  line: string | ((replies: readonly BotMessage[]) => string);
  user?: BotUser;
  /** A harness other than the plain one (a store that fails). */
  harness?: () => Harness;
}

/** The command of the Undo button on a reply. */
function undoLineOf(message: BotMessage | undefined): string {
  const button = message?.buttons?.find((candidate) => candidate.actionId === "change.undo");
  if (!button) throw new Error("the reply has no Undo button");
  return button.command;
}

const FEEDBACK_PART = "x".repeat(2000);

/** Ada with as many gaps as one member keeps, written straight to the store. */
async function gapsUpToTheLimit(h: Harness): Promise<void> {
  await h.say("help");
  const { member } = await h.rows();
  await h.store.inWorkspace(member.workspaceId, async (repo) => {
    for (let n = 1; n <= MEMBER_LIMITS.gaps; n += 1)
      await repo.createGap({ memberId: member.id, applicationId: null, topic: `t${n}` });
  });
}

/** One way to reach every code; a Record, so a code added to the table without a scenario does not compile. */
const SCENARIOS: Record<OutcomeCode, Scenario> = {
  "line-too-long": { line: `learned Acme ${"z".repeat(4000)}` },
  "bad-quoting": { line: 'apply "Acme' },
  "unknown-command": { line: "frobnicate" },
  "bad-arguments": { line: "apply" },
  "admin-only": { line: "admin weekly off" },
  "company-not-found": { line: "round Umbrella screen" },
  "company-ambiguous": { given: ['apply "Globex Labs"', 'apply "Globex Media"'], line: "asked globex" },
  "limit-reached": { prepare: gapsUpToTheLimit, line: "gap heaps" },
  "internal-error": {
    line: "pipeline",
    harness: () =>
      createHarness({
        wrapStore: (store) => ({
          ...store,
          inWorkspaceAs: async () => {
            throw new Error("connection lost");
          },
        }),
      }),
  },
  dismissed: { line: "cancel" },
  "change-undone": { given: ["apply Acme"], line: "undo" },
  "nothing-to-undo": { line: "undo" },
  "already-undone": {
    prepare: (h) => h.setCelebrationChannel("C-WINS"),
    given: ["share on", "apply Acme", "offer Acme", "undo"],
    line: (replies) => undoLineOf(replies[2]),
  },
  "undo-not-latest": {
    prepare: (h) => h.setCelebrationChannel("C-WINS"),
    given: ["share on", "apply Acme", "offer Acme", "learned Acme negotiate early"],
    line: (replies) => undoLineOf(replies[2]),
  },
  "date-order-question": { given: ["apply Acme"], line: "round acme screen 12/03 3pm" },
  "application-created": { line: "apply Acme" },
  "application-exists": { given: ["apply Acme"], line: "apply acme" },
  "company-name-unclear": { line: "apply Zeta Labs" },
  "company-maybe-tracked": { given: ['apply "Acme Corp"'], line: "apply acme" },
  "application-closed": { given: ["apply Acme", "rejected Acme"], line: "round acme screen" },
  "round-scheduled": { given: ["apply Acme"], line: "round acme screen tomorrow 3pm" },
  "round-held": { given: ["apply Acme"], line: "round acme screen" },
  "round-exists": { given: ["apply Acme", "round acme screen tomorrow 3pm"], line: "round acme screen tomorrow 3pm" },
  "invitation-logged": { given: ["apply Acme"], line: "invited acme onsite" },
  "rejection-logged": { given: ["apply Acme"], line: "rejected acme" },
  "already-rejected": { given: ["apply Acme", "rejected Acme"], line: "rejected acme" },
  "offer-logged": { given: ["apply Acme"], line: "offer acme" },
  "offer-accepted": { given: ["apply Acme", "offer Acme"], line: "accepted acme" },
  "application-withdrawn": { given: ["apply Acme"], line: "withdraw acme" },
  "application-ghosted": { given: ["apply Acme"], line: "ghosted acme" },
  "status-unchanged": { given: ["apply Acme", "ghosted Acme"], line: "ghosted acme" },
  "transition-needs-confirmation": { given: ["apply Acme"], line: "accepted acme" },
  "waiting-noted": { given: ["apply Acme"], line: "waiting acme" },
  "application-edited": { given: ["apply Acme"], line: "edit acme role Staff Engineer" },
  "edit-value-invalid": { given: ["apply Acme"], line: "edit acme link acme dot com" },
  "delete-needs-confirmation": { given: ["apply Acme"], line: "delete acme" },
  "application-deleted": { given: ["apply Acme"], line: "delete acme --yes" },
  "round-not-found": { given: ["apply Acme"], line: "round-cancel acme 1" },
  "round-edited": { given: ["apply Acme", "round Acme screen"], line: "round-edit acme 1 stage technical" },
  "round-already-decided": {
    given: ["apply Acme", "round Acme screen", "invited Acme"],
    line: "round-edit acme 1 when tomorrow 3pm",
  },
  "round-cancelled": { given: ["apply Acme", "round Acme screen tomorrow 3pm"], line: "round-cancel acme 1" },
  "note-added": { given: ["apply Acme"], line: "note acme the recruiter is called Sam" },
  "note-too-long": { given: ["apply Acme"], line: `note acme ${"n".repeat(1001)}` },
  "feedback-asked": { given: ["apply Acme", "rejected Acme"], line: "asked acme" },
  "feedback-already-asked": { given: ["apply Acme", "rejected Acme", "asked Acme"], line: "asked acme" },
  "feedback-already-received": { given: ["apply Acme", "feedback Acme thanks"], line: "skip acme" },
  "feedback-recorded": { given: ["apply Acme"], line: "feedback acme wanted more depth" },
  "feedback-too-long": {
    given: ["apply Acme", ...Array.from({ length: 3 }, () => `feedback Acme ${FEEDBACK_PART}`)],
    line: `feedback Acme ${FEEDBACK_PART}`,
  },
  "feedback-snoozed": { given: ["apply Acme", "rejected Acme"], line: "snooze acme" },
  "no-feedback-reminder": { given: ["apply Acme"], line: "snooze acme" },
  "feedback-skipped": { given: ["apply Acme", "rejected Acme"], line: "skip acme" },
  "person-met-recorded": { given: ["apply Acme"], line: "met acme Dana" },
  "learning-recorded": { given: ["apply Acme"], line: "learned acme consistent hashing" },
  "impression-recorded": { given: ["apply Acme"], line: "impression acme 4" },
  "gap-created": { line: "gap sql" },
  "gap-topic-too-long": { line: `gap ${"t".repeat(201)}` },
  "gap-practised": { given: ["gap sql"], line: "practiced 1" },
  "gap-closed": { given: ["gap sql", "practiced 1"], line: "practiced 1" },
  "gap-not-found": { line: "practiced 3" },
  "gap-already-closed": { given: ["gap sql", "practiced 1", "practiced 1"], line: "practiced 1" },
  "pipeline-shown": { line: "pipeline" },
  "timeline-shown": { given: ["apply Acme"], line: "timeline acme" },
  "rounds-shown": { given: ["apply Acme"], line: "rounds acme" },
  "stats-shown": { line: "stats" },
  "gaps-shown": { line: "gaps" },
  "settings-shown": { line: "settings" },
  "help-shown": { line: "help round" },
  "help-topic-unknown": { line: "help frobnicate" },
  "timezone-set": { line: "tz Europe/Berlin" },
  "quiet-hours-set": { line: "quiet off" },
  "sharing-set": { line: "share off" },
  "reminder-switched": { line: "notify prep off" },
  "unknown-reminder-kind": { line: "notify newsletter off" },
  paused: { line: "pause 3" },
  resumed: { line: "resume" },
  "date-order-set": { line: "dates day-first" },
  "export-ready": { line: "export" },
  "forget-needs-confirmation": { line: "forget" },
  "member-forgotten": { given: ["apply Acme"], line: "forget confirm" },
  "workspace-setting-changed": { line: "admin weekly off", user: ADMIN },
  "unknown-workspace-setting": { line: "admin colour blue", user: ADMIN },
  "channel-not-in-workspace": {
    line: "admin channel <#C0THEIRS|wins>",
    user: ADMIN,
    harness: () => createHarness({ place: { channelVerdict: async () => "elsewhere" } }),
  },
  "workspace-removed": {
    prepare: async (h) => {
      const workspace = await h.store.ensureWorkspace(TEAM);
      await h.store.scheduleWorkspaceDeletion(workspace.id, new Date("2026-04-01T00:00:00Z"));
    },
    line: "pipeline",
    harness: () => createHarness({ place: { direct: true } }),
  },
};

describe("outcome codes", () => {
  it.each(
    Object.entries(SCENARIOS),
  )("GIVEN the scenario for %s WHEN its line is sent THEN that code comes back with its table kind", async (code, scenario) => {
    const h = scenario.harness?.() ?? createHarness();
    await scenario.prepare?.(h);
    const replies: BotMessage[] = [];
    for (const line of scenario.given ?? []) {
      const answer = await h.run(line);
      expect(["done", "needs-confirmation"], `setup "${line}"`).toContain(answer.kind);
      replies.push(answer.message);
    }
    const line = typeof scenario.line === "string" ? scenario.line : scenario.line(replies);
    const outcome = await h.run(line, scenario.user ?? ADA);
    expect(outcome.code).toBe(code);
    expect(outcome.kind).toBe(OUTCOME_CODES[code as OutcomeCode].kind);
    expect(plain(outcome.message).length).toBeGreaterThan(0);
    if (outcome.kind === "refused" || outcome.kind === "failed") expect(outcome.changed).toBe(false);
  });

  it("GIVEN the table THEN every code is kebab-case and says in one line what it means", () => {
    for (const [code, { meaning }] of Object.entries(OUTCOME_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(meaning, code).toMatch(/^[^\n]{10,}$/);
    }
  });

  it("GIVEN every help example and every scenario line THEN each answer's code is in the table", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "apply Globex", "gap graphs"]);
    const lines = [
      ...COMMAND_TABLE.flatMap((command) => command.examples),
      ...Object.values(SCENARIOS).flatMap((scenario) => [
        ...(scenario.given ?? []),
        ...(typeof scenario.line === "string" ? [scenario.line] : []),
      ]),
    ];
    const seen = new Set<string>();
    for (const line of lines) seen.add((await h.run(line, ADMIN)).code);
    expect([...seen].filter((code) => !Object.hasOwn(OUTCOME_CODES, code))).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
  });
});
