/** JobStore contract cases for the feedback chase: chase days, pause, quiet hours, opt-out, asked, snooze and the chase limit, forgotten, removed. */
import { plus } from "../support/job-world.ts";
import { type ContractCase, dm, forget, removeApp } from "./job-store-contract-case.ts";
import type { ContractWorld } from "./job-store-contract-world.ts";

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
export const FEEDBACK_CASES: ContractCase[] = [
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
];
