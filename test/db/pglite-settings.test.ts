/** The embedded database runs with a small buffer cache (idle memory), and keeps PGlite's own single-process defaults. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";

let db: Database;

// One database for both tests: reading settings changes nothing, and initdb is the slow part.
beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
});

afterAll(async () => {
  await db.close();
});

async function setting(name: string): Promise<string> {
  const rows = await db.sql.query<Record<string, string>>(`SHOW ${name}`);
  return Object.values(rows[0] ?? {})[0] ?? "";
}

describe("PGlite settings", () => {
  it("GIVEN the embedded database WHEN opened THEN shared_buffers is 16MB instead of PGlite's 128MB", async () => {
    expect(await setting("shared_buffers")).toBe("16MB");
  });

  it("GIVEN our settings WHEN opened THEN PGlite's defaults still apply (no parallel workers, public search path)", async () => {
    expect(await setting("max_parallel_workers")).toBe("0");
    expect(await setting("search_path")).toBe("public");
  });
});
