/**
 * The JobStore contract's cases: for each job, a member seeded through the bot at the edge of one rule (chase days,
 * chase limit, snooze, pause, quiet hours, cool-down after a rejection, DST in New York and Berlin, already queued,
 * forgotten members, removed apps), and what the workspace's outbox holds after each run. The same on every store.
 */
import { ADMIN, BEN, type JobName, plus } from "../support/job-world.ts";
import type { ContractWorld } from "./job-store-contract-world.ts";

/** A queued message: kind, recipient, key with ids named, delivery time, and words its text must carry. */
export interface Expected {
  kind: string;
  to: string;
  key: string;
  at: string;
  has?: string[];
}

export interface ContractCase {
  name: string;
  job: JobName;
  start: string;
  seed(world: ContractWorld): Promise<void>;
  /** After `before` (if any), the job runs at `at`; then the workspace's job messages are exactly `expect`. */
  steps: { before?: (world: ContractWorld) => Promise<void>; at: string | Date; expect: Expected[] }[];
}

const iso = (at: string | Date) => new Date(at).toISOString();
const dm = (kind: string, key: string, at: string | Date, has: string[] = [], to = "Ada"): Expected => ({
  kind,
  to,
  key,
  at: iso(at),
  has,
});

/** Ada applied to Acme a week before and logs the rejection (Monday 2 March 2026, 10:00 UTC unless moved). */
const REJECTED = "2026-03-02T10:00:00.000Z";
const CHASE_DUE = plus(REJECTED, { days: 3 });
const chase = (n: number, at: string | Date) =>
  dm("feedback-chase", `feedback-chase:<Acme>:${n}`, at, n === 1 ? ["Acme", "Hi Acme team,"] : ["Acme"]);
function rejection(setup: string[] = [], rejectedAt: string = REJECTED) {
  return async (world: ContractWorld) => {
    await world.say("apply Acme");
    for (const line of setup) await world.say(line);
    await world.sayAt(rejectedAt, "rejected Acme");
  };
}
const feedback = (name: string, seed: ContractCase["seed"], steps: ContractCase["steps"]): ContractCase => ({
  name,
  job: "feedback-chase",
  start: "2026-02-23T10:00:00.000Z",
  seed,
  steps,
});
const removeApp = async (world: ContractWorld) => world.removeApp(plus(REJECTED, { days: 30 }));
const forget = async (world: ContractWorld) => {
  await world.say("forget");
  await world.say("forget confirm");
};

/** Ada applied to Initech on Monday 2 March 2026, 10:00 UTC; workspaces keep silence for 10 days. */
const APPLIED = "2026-03-02T10:00:00.000Z";
const QUIET_FOR = plus(APPLIED, { days: 10 });
const checkIn = (at: string | Date, appliedAt = APPLIED) =>
  dm("check-in", `check-in:<Initech>:${iso(appliedAt)}`, at, ["Initech"]);
const silence = (name: string, setup: string[], steps: ContractCase["steps"], appliedAt = APPLIED): ContractCase => ({
  name,
  job: "silence-check",
  start: appliedAt,
  async seed(world) {
    await world.say("apply Initech");
    for (const line of setup) await world.say(line);
  },
  steps,
});

/** Ada in `zone` logs, days ahead, a round at `when` (her local time); its prep reminder's eve is 17:00 local the day before. */
function prep(
  name: string,
  zone: string,
  when: string,
  loggedAt: string,
  setup: string[],
  steps: ContractCase["steps"],
) {
  return {
    name,
    job: "prep-reminder" as const,
    start: loggedAt,
    async seed(world: ContractWorld) {
      await world.say(`tz ${zone}`);
      await world.say("apply Acme");
      await world.say(`round Acme technical ${when}`);
      for (const line of setup) await world.say(line);
    },
    steps,
  };
}
const reminder = (at: string | Date) => dm("prep", "prep:<Acme round>", at, ["Acme"]);

/** Ada logs on Monday 2 March 2026 a round on Tuesday at `when` UTC. */
const ROUND = "2026-03-03T11:00:00.000Z";
const reflection = (name: string, when: string, setup: string[], steps: ContractCase["steps"]): ContractCase => ({
  name,
  job: "reflection-prompt",
  start: "2026-03-02T10:00:00.000Z",
  async seed(world) {
    await world.say("apply Acme");
    await world.say(`round Acme technical 2026-03-03 ${when}`);
    for (const line of setup) await world.say(line);
  },
  steps,
});
const prompt = (at: string | Date) => dm("reflection", "reflection:<Acme round>", at, ["Acme"]);

/** Ada in `zone` notes a gap on the Monday of the week; her nudge may come from Wednesday 10:00 local. */
function practice(name: string, zone: string, monday: string, setup: string[], steps: ContractCase["steps"]) {
  return {
    name,
    job: "practice-nudge" as const,
    start: monday,
    async seed(world: ContractWorld) {
      await world.say(`tz ${zone}`);
      await world.say("gap dynamic programming");
      for (const line of setup) await world.say(line);
    },
    steps,
  };
}
const nudge = (week: string, at: string | Date) =>
  dm("practice", `practice:<Ada>:${week}`, at, ["dynamic programming"]);

const post = (kind: string, week: string, at: string, has: string[] = []) =>
  dm(kind, `${kind}:${week}`, at, has, "team");
function channel(
  name: string,
  job: JobName,
  setup: (world: ContractWorld) => Promise<void>,
  steps: ContractCase["steps"],
) {
  return {
    name,
    job,
    start: "2026-03-05T10:00:00.000Z",
    async seed(world: ContractWorld) {
      await world.say("admin channel team", ADMIN);
      await setup(world);
    },
    steps,
  };
}

export const CASES: ContractCase[] = [
  feedback(
    "GIVEN a rejection WHEN the chase days end THEN the first chase then, not a minute before, and once",
    rejection(),
    [
      { at: plus(CHASE_DUE, { minutes: -1 }), expect: [] },
      { at: CHASE_DUE, expect: [chase(1, CHASE_DUE)] },
      { at: plus(CHASE_DUE, { minutes: 15 }), expect: [chase(1, CHASE_DUE)] },
    ],
  ),
  feedback(
    "GIVEN a pause ending exactly when the chase falls due WHEN the job runs THEN nothing a minute before, the chase at that moment",
    async (world) => {
      await rejection()(world);
      await world.sayAt(plus(REJECTED, { days: 1 }), "pause 2");
    },
    [
      { at: plus(CHASE_DUE, { minutes: -1 }), expect: [] },
      { at: CHASE_DUE, expect: [chase(1, CHASE_DUE)] },
    ],
  ),
  feedback(
    "GIVEN a pause ending a minute after the chase falls due WHEN the job runs THEN the chase waits for that minute",
    async (world) => {
      await rejection()(world);
      await world.sayAt(plus(REJECTED, { days: 1, minutes: 1 }), "pause 2");
    },
    [
      { at: CHASE_DUE, expect: [] },
      { at: plus(CHASE_DUE, { minutes: 1 }), expect: [chase(1, plus(CHASE_DUE, { minutes: 1 }))] },
    ],
  ),
  feedback(
    "GIVEN a rejection logged at 22:00 WHEN the chase falls due in quiet hours THEN it is queued for 08:00",
    rejection([], "2026-03-02T22:00:00.000Z"),
    [{ at: "2026-03-05T22:00:00.000Z", expect: [chase(1, "2026-03-06T08:00:00.000Z")] }],
  ),
  feedback("GIVEN feedback-chase turned off WHEN weeks pass THEN no chase", rejection(["notify feedback-chase off"]), [
    { at: CHASE_DUE, expect: [] },
    { at: plus(CHASE_DUE, { days: 14 }), expect: [] },
  ]),
  feedback(
    "GIVEN Ada asked the day after WHEN the follow-up delay ends THEN the last chase then, not a minute before, and no first one",
    async (world) => {
      await rejection()(world);
      await world.sayAt(plus(REJECTED, { days: 1 }), "asked Acme");
    },
    [
      { at: CHASE_DUE, expect: [] },
      { at: plus(REJECTED, { days: 8, minutes: -1 }), expect: [] },
      { at: plus(REJECTED, { days: 8 }), expect: [chase(2, plus(REJECTED, { days: 8 }))] },
      { at: plus(REJECTED, { days: 30 }), expect: [chase(2, plus(REJECTED, { days: 8 }))] },
    ],
  ),
  feedback(
    "GIVEN the first chase snoozed WHEN the snooze ends THEN the second then; snoozed again after two chases, never a third",
    rejection(),
    [
      { at: CHASE_DUE, expect: [chase(1, CHASE_DUE)] },
      {
        before: (world) => world.sayAt(plus(CHASE_DUE, { hours: 1 }), "snooze Acme"),
        at: plus(CHASE_DUE, { days: 7, hours: 1, minutes: -1 }),
        expect: [chase(1, CHASE_DUE)],
      },
      {
        at: plus(CHASE_DUE, { days: 7, hours: 1 }),
        expect: [chase(1, CHASE_DUE), chase(2, plus(CHASE_DUE, { days: 7, hours: 1 }))],
      },
      {
        before: (world) => world.sayAt(plus(CHASE_DUE, { days: 7, hours: 2 }), "snooze Acme"),
        at: plus(CHASE_DUE, { days: 30 }),
        expect: [chase(1, CHASE_DUE), chase(2, plus(CHASE_DUE, { days: 7, hours: 1 }))],
      },
    ],
  ),
  feedback("GIVEN one chase sent and no answer WHEN a month passes THEN no second chase", rejection(), [
    { at: CHASE_DUE, expect: [chase(1, CHASE_DUE)] },
    { at: plus(CHASE_DUE, { days: 30 }), expect: [chase(1, CHASE_DUE)] },
  ]),
  feedback("GIVEN Ada was forgotten WHEN the chase would fall due THEN nothing", rejection(), [
    { before: forget, at: CHASE_DUE, expect: [] },
  ]),
  feedback("GIVEN the app was removed from the workspace WHEN the chase would fall due THEN nothing", rejection(), [
    { before: removeApp, at: CHASE_DUE, expect: [] },
  ]),

  silence(
    "GIVEN no news from Initech WHEN the silence period ends THEN one check-in then, not a minute before",
    [],
    [
      { at: plus(QUIET_FOR, { minutes: -1 }), expect: [] },
      { at: QUIET_FOR, expect: [checkIn(QUIET_FOR)] },
      { at: plus(QUIET_FOR, { hours: 1 }), expect: [checkIn(QUIET_FOR)] },
    ],
  ),
  silence(
    "GIVEN the bot down until the look-back's last minute WHEN it runs THEN the check-in still comes",
    [],
    [{ at: plus(QUIET_FOR, { days: 2, minutes: -1 }), expect: [checkIn(plus(QUIET_FOR, { days: 2, minutes: -1 }))] }],
  ),
  silence(
    "GIVEN the bot down for the whole look-back WHEN it runs THEN the stale spell is left alone",
    [],
    [{ at: plus(QUIET_FOR, { days: 2 }), expect: [] }],
  ),
  silence(
    "GIVEN a rejection at Globex 23h59 before the check-in falls due WHEN the job runs THEN it waits until 24 hours have passed",
    ["apply Globex"],
    [
      {
        before: (world) => world.sayAt(plus(QUIET_FOR, { days: -1, minutes: 1 }), "rejected Globex"),
        at: QUIET_FOR,
        expect: [],
      },
      { at: plus(QUIET_FOR, { minutes: 1 }), expect: [] },
      { at: plus(QUIET_FOR, { minutes: 2 }), expect: [checkIn(plus(QUIET_FOR, { minutes: 2 }))] },
    ],
  ),
  silence(
    "GIVEN a rejection of Ben's WHEN Ada's check-in falls due THEN Ada's comes: the cool-down is the rejected member's",
    [],
    [
      {
        before: async (world) => {
          await world.sayAt(plus(QUIET_FOR, { hours: -1 }), "apply Globex", BEN);
          await world.say("rejected Globex", BEN);
        },
        at: QUIET_FOR,
        expect: [checkIn(QUIET_FOR)],
      },
    ],
  ),
  silence(
    "GIVEN an application logged at 22:30 WHEN its silence ends in quiet hours THEN the check-in is queued for 08:00",
    [],
    [{ at: "2026-03-12T22:30:00.000Z", expect: [checkIn("2026-03-13T08:00:00.000Z", "2026-03-02T22:30:00.000Z")] }],
    "2026-03-02T22:30:00.000Z",
  ),
  silence(
    "GIVEN Ada paused for a month WHEN the silence period ends THEN no check-in",
    ["pause 30"],
    [{ at: QUIET_FOR, expect: [] }],
  ),
  silence(
    "GIVEN the app was removed WHEN the silence period ends THEN no check-in",
    [],
    [{ before: removeApp, at: QUIET_FOR, expect: [] }],
  ),
  silence(
    "GIVEN Ada was forgotten WHEN the silence period ends THEN nothing",
    [],
    [{ before: forget, at: QUIET_FOR, expect: [] }],
  ),

  prep(
    "GIVEN a round in Berlin the day after summer time starts WHEN the eve comes (17:00 CEST = 15:00 UTC) THEN the reminder then, not a minute before",
    "Europe/Berlin",
    "2026-03-30 10:00",
    "2026-03-26T10:00:00.000Z",
    [],
    [
      { at: "2026-03-29T14:59:00.000Z", expect: [] },
      { at: "2026-03-29T15:00:00.000Z", expect: [reminder("2026-03-29T15:00:00.000Z")] },
      { at: "2026-03-29T18:00:00.000Z", expect: [reminder("2026-03-29T15:00:00.000Z")] },
    ],
  ),
  prep(
    "GIVEN a round in Berlin the day after summer time ends WHEN the eve comes (17:00 CET = 16:00 UTC) THEN the reminder then",
    "Europe/Berlin",
    "2026-10-26 10:00",
    "2026-10-22T10:00:00.000Z",
    [],
    [
      { at: "2026-10-25T15:59:00.000Z", expect: [] },
      { at: "2026-10-25T16:00:00.000Z", expect: [reminder("2026-10-25T16:00:00.000Z")] },
    ],
  ),
  prep(
    "GIVEN a round in New York the day after daylight time starts WHEN the eve comes (17:00 EDT = 21:00 UTC) THEN the reminder then",
    "America/New_York",
    "2026-03-09 10:00",
    "2026-03-05T15:00:00.000Z",
    [],
    [
      { at: "2026-03-08T20:59:00.000Z", expect: [] },
      { at: "2026-03-08T21:00:00.000Z", expect: [reminder("2026-03-08T21:00:00.000Z")] },
    ],
  ),
  prep(
    "GIVEN a round in New York the day after daylight time ends WHEN the eve comes (17:00 EST = 22:00 UTC) THEN the reminder then",
    "America/New_York",
    "2026-11-02 10:00",
    "2026-10-29T15:00:00.000Z",
    [],
    [
      { at: "2026-11-01T21:59:00.000Z", expect: [] },
      { at: "2026-11-01T22:00:00.000Z", expect: [reminder("2026-11-01T22:00:00.000Z")] },
    ],
  ),
  prep(
    "GIVEN quiet hours until 08:30 WHEN the eve falls in them THEN the reminder waits for 08:30, still in time",
    "UTC",
    "2026-03-10 10:00",
    "2026-03-05T10:00:00.000Z",
    ["quiet 16:00-08:30"],
    [{ at: "2026-03-09T17:00:00.000Z", expect: [reminder("2026-03-10T08:30:00.000Z")] }],
  ),
  prep(
    "GIVEN quiet hours until 09:30 WHEN they would hold the reminder to within an hour of the round THEN it is not sent",
    "UTC",
    "2026-03-10 10:00",
    "2026-03-05T10:00:00.000Z",
    ["quiet 16:00-09:30"],
    [{ at: "2026-03-09T17:00:00.000Z", expect: [] }],
  ),
  prep(
    "GIVEN Ada paused over the eve WHEN it comes THEN no reminder",
    "Europe/Berlin",
    "2026-03-30 10:00",
    "2026-03-26T10:00:00.000Z",
    ["pause 5"],
    [{ at: "2026-03-29T15:00:00.000Z", expect: [] }],
  ),
  prep(
    "GIVEN prep turned off WHEN the eve comes THEN no reminder",
    "Europe/Berlin",
    "2026-03-30 10:00",
    "2026-03-26T10:00:00.000Z",
    ["notify prep off"],
    [{ at: "2026-03-29T15:00:00.000Z", expect: [] }],
  ),
  prep(
    "GIVEN the app was removed WHEN the eve comes THEN no reminder",
    "Europe/Berlin",
    "2026-03-30 10:00",
    "2026-03-26T10:00:00.000Z",
    [],
    [{ before: removeApp, at: "2026-03-29T15:00:00.000Z", expect: [] }],
  ),

  reflection(
    "GIVEN a round at 11:00 WHEN three hours pass THEN the prompt then, not a minute before, and once",
    "11:00",
    [],
    [
      { at: plus(ROUND, { hours: 3, minutes: -1 }), expect: [] },
      { at: plus(ROUND, { hours: 3 }), expect: [prompt(plus(ROUND, { hours: 3 }))] },
      { at: plus(ROUND, { hours: 4 }), expect: [prompt(plus(ROUND, { hours: 3 }))] },
    ],
  ),
  reflection(
    "GIVEN the bot down until exactly 48 hours after the round WHEN it runs THEN the prompt still comes",
    "11:00",
    [],
    [{ at: plus(ROUND, { hours: 48 }), expect: [prompt(plus(ROUND, { hours: 48 }))] }],
  ),
  reflection(
    "GIVEN the bot down for over 48 hours WHEN it runs THEN the round is left alone",
    "11:00",
    [],
    [{ at: plus(ROUND, { hours: 48, minutes: 1 }), expect: [] }],
  ),
  reflection(
    "GIVEN a round at 19:00 WHEN its prompt falls due in quiet hours THEN it is queued for 08:00",
    "19:00",
    [],
    [{ at: "2026-03-03T22:00:00.000Z", expect: [prompt("2026-03-04T08:00:00.000Z")] }],
  ),
  reflection(
    "GIVEN the next step was logged after the round WHEN three hours pass THEN no prompt",
    "11:00",
    [],
    [
      {
        before: (world) => world.sayAt(plus(ROUND, { hours: 1 }), "invited Acme onsite"),
        at: plus(ROUND, { hours: 3 }),
        expect: [],
      },
    ],
  ),
  reflection(
    "GIVEN Ada paused WHEN three hours pass THEN no prompt",
    "11:00",
    ["pause 3"],
    [{ at: plus(ROUND, { hours: 3 }), expect: [] }],
  ),
  reflection(
    "GIVEN the app was removed WHEN three hours pass THEN no prompt",
    "11:00",
    [],
    [{ before: removeApp, at: plus(ROUND, { hours: 3 }), expect: [] }],
  ),

  practice(
    "GIVEN Ada in New York the week daylight time starts WHEN Wednesday 10:00 EDT comes (14:00 UTC) THEN one nudge, not a minute before",
    "America/New_York",
    "2026-03-09T15:00:00.000Z",
    [],
    [
      { at: "2026-03-11T13:59:00.000Z", expect: [] },
      { at: "2026-03-11T14:00:00.000Z", expect: [nudge("2026-W11", "2026-03-11T14:00:00.000Z")] },
      { at: "2026-03-11T20:00:00.000Z", expect: [nudge("2026-W11", "2026-03-11T14:00:00.000Z")] },
    ],
  ),
  practice(
    "GIVEN Ada in Berlin the week after summer time starts WHEN Wednesday 10:00 CEST comes (08:00 UTC) THEN one nudge",
    "Europe/Berlin",
    "2026-03-30T10:00:00.000Z",
    [],
    [
      { at: "2026-04-01T07:59:00.000Z", expect: [] },
      { at: "2026-04-01T08:00:00.000Z", expect: [nudge("2026-W14", "2026-04-01T08:00:00.000Z")] },
    ],
  ),
  practice(
    "GIVEN Ada in New York the week daylight time ends WHEN Wednesday 10:00 EST comes (15:00 UTC) THEN one nudge",
    "America/New_York",
    "2026-11-02T15:00:00.000Z",
    [],
    [
      { at: "2026-11-04T14:59:00.000Z", expect: [] },
      { at: "2026-11-04T15:00:00.000Z", expect: [nudge("2026-W45", "2026-11-04T15:00:00.000Z")] },
    ],
  ),
  practice(
    "GIVEN Ada in Berlin the week summer time ends WHEN Wednesday 10:00 CET comes (09:00 UTC) THEN one nudge",
    "Europe/Berlin",
    "2026-10-26T10:00:00.000Z",
    [],
    [
      { at: "2026-10-28T08:59:00.000Z", expect: [] },
      { at: "2026-10-28T09:00:00.000Z", expect: [nudge("2026-W44", "2026-10-28T09:00:00.000Z")] },
    ],
  ),
  practice(
    "GIVEN a rejection at 10:01 on Tuesday WHEN Wednesday 10:00 comes THEN the nudge waits until 24 hours have passed",
    "UTC",
    "2026-03-09T10:00:00.000Z",
    ["apply Globex"],
    [
      {
        before: (world) => world.sayAt("2026-03-10T10:01:00.000Z", "rejected Globex"),
        at: "2026-03-11T10:00:00.000Z",
        expect: [],
      },
      { at: "2026-03-11T10:01:00.000Z", expect: [] },
      { at: "2026-03-11T10:02:00.000Z", expect: [nudge("2026-W11", "2026-03-11T10:02:00.000Z")] },
    ],
  ),
  practice(
    "GIVEN Ada paused over Wednesday WHEN 10:00 comes THEN no nudge",
    "UTC",
    "2026-03-09T10:00:00.000Z",
    ["pause 3"],
    [{ at: "2026-03-11T10:00:00.000Z", expect: [] }],
  ),
  practice(
    "GIVEN the app was removed WHEN Wednesday 10:00 comes THEN no nudge",
    "UTC",
    "2026-03-09T10:00:00.000Z",
    [],
    [{ before: removeApp, at: "2026-03-11T10:00:00.000Z", expect: [] }],
  ),
  practice(
    "GIVEN Ada was forgotten WHEN Wednesday 10:00 comes THEN nothing",
    "UTC",
    "2026-03-09T10:00:00.000Z",
    [],
    [{ before: forget, at: "2026-03-11T10:00:00.000Z", expect: [] }],
  ),

  channel(
    "GIVEN a team channel WHEN Monday 09:00 comes THEN the weekly post then, not a minute before",
    "weekly-encouragement",
    async () => {},
    [
      { at: "2026-03-09T08:59:00.000Z", expect: [] },
      { at: "2026-03-09T09:00:00.000Z", expect: [post("weekly", "2026-W11", "2026-03-09T09:00:00.000Z")] },
    ],
  ),
  channel("GIVEN the app was removed WHEN Monday 09:00 comes THEN no weekly post", "weekly-encouragement", removeApp, [
    { at: "2026-03-09T09:00:00.000Z", expect: [] },
  ]),
  channel(
    "GIVEN an invitation this week WHEN Friday 16:00 comes THEN the digest counts it",
    "weekly-digest",
    async (world) => {
      await world.say("apply Acme");
      await world.sayAt("2026-03-11T10:00:00.000Z", "invited Acme onsite");
    },
    [
      {
        at: "2026-03-13T16:00:00.000Z",
        expect: [post("digest", "2026-W11", "2026-03-13T16:00:00.000Z", ["invitation"])],
      },
    ],
  ),
  channel(
    "GIVEN the app was removed WHEN Friday 16:00 comes THEN no digest",
    "weekly-digest",
    async (world) => {
      await world.say("apply Acme");
      await world.sayAt("2026-03-11T10:00:00.000Z", "invited Acme onsite");
      await removeApp(world);
    },
    [{ at: "2026-03-13T16:00:00.000Z", expect: [] }],
  ),
];
