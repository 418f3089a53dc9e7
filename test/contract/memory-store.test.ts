/** Runs the storage contract against the in-memory store that most core tests use. */
import { createMemoryStore } from "../fakes/memory-store.ts";
import { runStoreContract } from "./store-contract.ts";

runStoreContract("memory", async () => ({ store: createMemoryStore(), close: async () => {} }));
