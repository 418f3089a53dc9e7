/**
 * The JobStore contract: for every job, members seeded at the edges of every rule must get the same messages (kind,
 * recipient, dedupe key, delivery time, what the text says) from every store, and one run's writes commit together.
 */
import { describe, expect, it } from "vitest";
import { ADA, BEN, plus } from "../support/job-world.ts";
import type { Expected } from "./job-store-contract-case.ts";
import { CASES } from "./job-store-contract-cases.ts";
import { readContract } from "./job-store-contract-reads.ts";
import { type ContractWorld, createContractWorld, type JobStoreSubject } from "./job-store-contract-world.ts";

async function expectSeen(world: ContractWorld, expected: readonly Expected[], when: string): Promise<void> {
  const seen = await world.seen();
  expect(
    seen.map(({ text: _text, ...rest }) => rest),
    when,
  ).toEqual(expected.map(({ has: _has, ...rest }) => rest));
  expected.forEach((message, index) => {
    for (const words of message.has ?? []) expect(seen[index]?.text, `${message.key} ${when}`).toContain(words);
  });
}

/** Runs the contract against the store `open` makes; each test seeds its own workspace on it. */
export function runJobStoreContract(name: string, subject: () => JobStoreSubject): void {
  describe(`JobStore contract on ${name}`, () => {
    it.each(CASES)("$name", async (contractCase) => {
      const world = createContractWorld(subject(), contractCase.start);
      await contractCase.seed(world);
      for (const step of contractCase.steps) {
        await step.before?.(world);
        await world.run(contractCase.job, step.at);
        await expectSeen(world, step.expect, `after ${contractCase.job} at ${new Date(step.at).toISOString()}`);
      }
    });

    readContract(subject);

    it("GIVEN a chase due WHEN recording its count fails THEN neither the message nor the count stays, and the next run queues it once", async () => {
      const rejectedAt = "2026-03-02T10:00:00.000Z";
      const current = subject();
      const world = createContractWorld(current, "2026-02-23T10:00:00.000Z");
      await world.say("apply Acme");
      await world.sayAt(rejectedAt, "rejected Acme");
      const request = await world.feedbackRequest("Acme");
      const due = plus(rejectedAt, { days: 3 });

      const recover = await current.failChaseRecording(request.id);
      await expect(world.run("feedback-chase", due)).rejects.toThrow();
      expect(await world.seen()).toEqual([]);
      expect((await world.feedbackRequest("Acme")).chaseCount).toBe(0);

      await recover();
      await world.run("feedback-chase", plus(due, { minutes: 15 }));
      await world.run("feedback-chase", plus(due, { minutes: 30 }));
      expect((await world.seen()).map((message) => [message.key, message.at])).toEqual([
        ["feedback-chase:<Acme>:1", plus(due, { minutes: 15 }).toISOString()],
      ]);
      expect((await world.feedbackRequest("Acme")).chaseCount).toBe(1);
    });

    it("GIVEN two members due at once WHEN one's chase count fails to record THEN the whole run rolls back, the other's message too", async () => {
      const current = subject();
      const world = createContractWorld(current, "2026-02-23T10:00:00.000Z");
      for (const user of [ADA, BEN]) await world.say("apply Acme", user);
      await world.sayAt("2026-03-02T10:00:00.000Z", "rejected Acme", ADA);
      await world.say("rejected Acme", BEN);
      const recover = await current.failChaseRecording((await world.feedbackRequest("Acme", BEN)).id);

      await expect(world.run("feedback-chase", "2026-03-05T10:00:00.000Z")).rejects.toThrow();
      expect(await world.seen()).toEqual([]);
      expect((await world.feedbackRequest("Acme", ADA)).chaseCount).toBe(0);
      await recover();
    });
  });
}
