/** Scenario 3: draining 10,000 due messages through a rate-limited fake platform, against the minimum its limits allow. */
import { createDispatcher } from "../../src/core/delivery/dispatcher.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { createLimitedPlatform, type Limits, theoreticalMinimumMs } from "../limited-platform.ts";
import { createScratchDatabase } from "../postgres.ts";
import { round, type Scenario, type ScenarioResult } from "../scenario.ts";

const LIMITS: Limits = { perTargetRate: 1, perTargetBurst: 3, globalRate: 200, globalBurst: 20 };

/** Queues `total` DMs to `targets` members of one workspace, interleaved, all due now. */
async function seed(db: Database, total: number, targets: number): Promise<void> {
  const store = createPrismaStore(db);
  const workspace = await store.ensureWorkspace({ platform: "SLACK", externalId: "T-BENCH", name: "Bench" });
  const memberIds: string[] = [];
  await store.inWorkspace(workspace.id, async (repo) => {
    for (let i = 0; i < targets; i++)
      memberIds.push((await repo.ensureMember({ externalId: `U${i}`, displayName: `m${i}` })).id);
  });
  const now = new Date();
  for (let start = 0; start < total; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, total - start) }, (_, offset) => {
      const i = start + offset;
      return {
        id: `bench-${i}`,
        workspaceId: workspace.id,
        memberId: memberIds[i % targets] as string,
        kind: "bench",
        target: "DIRECT" as const,
        payload: { text: `message ${i}` },
        dedupeKey: `bench:${i}`,
        nextAttemptAt: now,
      };
    });
    await db.prisma.outbox.createMany({ data: rows });
  }
}

async function drain(db: Database, total: number, targets: number) {
  const platform = createLimitedPlatform(LIMITS);
  const store = createPrismaStore(db);
  const dispatcher = createDispatcher({
    queue: store.outbox,
    ports: { SLACK: platform.port },
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  const started = performance.now();
  const deadline = started + 10 * theoreticalMinimumMs(LIMITS, total, targets) + 30_000;
  let delivered = 0;
  while (delivered < total && performance.now() < deadline) {
    await dispatcher.dispatchDue();
    delivered = platform.deliveries.size;
    // Rows postponed by learned limits come due again shortly.
    if (delivered < total) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const elapsed = performance.now() - started;
  const duplicated = [...platform.deliveries.values()].filter((count) => count > 1).length;
  return { elapsed, delivered, duplicated, rejected: platform.rejected };
}

export const dispatchScenario: Scenario = {
  name: "dispatch",
  async run(context): Promise<ScenarioResult> {
    const total = context.quick ? 200 : 10_000;
    const targets = context.quick ? 40 : 2_000;
    const scratch = context.postgresUrl ? await createScratchDatabase(context.postgresUrl, "dispatch") : undefined;
    const db = await openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: IN_MEMORY });
    try {
      await seed(db, total, targets);
      context.log(`dispatch: draining ${total} messages on ${db.kind}`);
      const result = await drain(db, total, targets);
      const minimum = theoreticalMinimumMs(LIMITS, total, targets);
      const share = minimum / result.elapsed;
      const lost = total - result.delivered;
      return {
        title: "Dispatch at the platform's allowed rate",
        headers: [
          "database",
          "messages",
          "drain (s)",
          "minimum the limits allow (s)",
          "share of allowed rate",
          "429s",
          "lost",
          "duplicated",
        ],
        rows: [
          [
            db.kind,
            total,
            round(result.elapsed / 1000, 2),
            round(minimum / 1000, 2),
            `${round(share * 100)}%`,
            result.rejected.global + result.rejected.target,
            lost,
            result.duplicated,
          ],
        ],
        figures: {
          "dispatch.drainMs": round(result.elapsed),
          "dispatch.minimumMs": round(minimum),
          "dispatch.shareOfAllowedRate": round(share, 3),
          "dispatch.rateLimited": result.rejected.global + result.rejected.target,
          "dispatch.lost": lost,
          "dispatch.duplicated": result.duplicated,
        },
        notes: [
          `Limits: ${LIMITS.globalRate}/s overall (burst ${LIMITS.globalBurst}), ${LIMITS.perTargetRate}/s per member (burst ${LIMITS.perTargetBurst}), ${targets} members; the dispatcher is not told them and learns from Retry-After.`,
          `Target ≥ 90% of the allowed rate: ${share >= 0.9 ? "met" : "missed"} (${round(share * 100)}%). Lost ${lost}, duplicated ${result.duplicated}.`,
        ],
      };
    } finally {
      await db.close();
      await scratch?.drop();
    }
  },
};
