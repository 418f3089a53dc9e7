/** JobStore contract cases for the silence check: the silence period, the look-back, the cool-down after a rejection, quiet hours, pause, removed, forgotten. */
import { BEN, plus } from "../support/job-world.ts";
import { type ContractCase, dm, forget, iso, removeApp } from "./job-store-contract-case.ts";

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

export const SILENCE_CASES: ContractCase[] = [
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
];
