/** JobStore contract cases for the round jobs: the prep eve across DST in Berlin and New York, quiet hours, the reflection delay and give-up. */
import { plus } from "../support/job-world.ts";
import { type ContractCase, dm, removeApp } from "./job-store-contract-case.ts";
import type { ContractWorld } from "./job-store-contract-world.ts";

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

export const ROUND_CASES: ContractCase[] = [
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
];
