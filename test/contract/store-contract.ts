/** The storage contract every Store implementation must pass: run by the in-memory and the Prisma store tests. */
import { afterEach, beforeEach, describe } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { describeCorrections } from "./store-contract-corrections.ts";
import { describeForget } from "./store-contract-forget.ts";
import { describeIdentity } from "./store-contract-identity.ts";
import { describeIntegrity } from "./store-contract-integrity.ts";
import { describeJournal } from "./store-contract-journal.ts";
import { describeOpening } from "./store-contract-opening.ts";
import { describeOutbox } from "./store-contract-outbox.ts";
import { describePipeline } from "./store-contract-pipeline.ts";
import { describeRetraction } from "./store-contract-retraction.ts";

export interface StoreUnderTest {
  store: Store;
  close(): Promise<void>;
}

/** `makeStore` must hand each test an empty store. */
export function runStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} store contract`, () => {
    let current: StoreUnderTest | undefined;
    const store = (): Store => {
      if (!current) throw new Error("store used outside a test");
      return current.store;
    };
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    describe("workspaces and members", () => describeIdentity(store));
    describe("applications, rounds, feedback, reflections and gaps", () => describePipeline(store));
    describe("transactions, isolation and deletion", () => describeIntegrity(store));
    describe("outbox", () => describeOutbox(store));
    describe("taking outbox rows back", () => describeRetraction(store));
    describe("a member's unit of work", () => describeOpening(store));
    describe("corrections", () => describeCorrections(store));
    describe("forgetting a member", () => describeForget(store));
    describe("the undo journal", () => describeJournal(store));
  });
}
