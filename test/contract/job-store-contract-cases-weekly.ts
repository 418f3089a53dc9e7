/** JobStore contract cases for the weekly jobs: the practice Wednesday across DST, its cool-down, and the team channel posts. */
import { ADMIN, type JobName } from "../support/job-world.ts";
import { type ContractCase, dm, forget, removeApp } from "./job-store-contract-case.ts";
import type { ContractWorld } from "./job-store-contract-world.ts";

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

export const WEEKLY_CASES: ContractCase[] = [
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
