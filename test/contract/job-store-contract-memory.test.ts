/** Runs the JobStore contract against the in-memory twin, a failure injected where the database would use a trigger. */
import { createMemoryJobStore } from "../fakes/memory-job-store.ts";
import { createMemoryStore } from "../fakes/memory-store.ts";
import { createFakeClock } from "../support/job-world.ts";
import { runJobStoreContract } from "./job-store-contract.ts";
import type { JobStoreSubject } from "./job-store-contract-world.ts";

const clock = createFakeClock("2026-01-01T00:00:00.000Z");
const store = createMemoryStore({ clock });
const failing = new Set<string>();
const jobStore = createMemoryJobStore(store, {
  beforeRecordingChase(requestId) {
    if (failing.has(requestId)) throw new Error("recording the chase failed (injected)");
  },
});

const subject: JobStoreSubject = {
  store,
  jobStore,
  clock,
  async outboxRows(workspaceId) {
    return [...store.tables().outbox.values()].filter((row) => row.workspaceId === workspaceId);
  },
  async failChaseRecording(requestId) {
    failing.add(requestId);
    return async () => {
      failing.delete(requestId);
    };
  },
};

runJobStoreContract("memory", () => subject);
