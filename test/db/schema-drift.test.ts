/** Guards the hand-written migrations against drifting from prisma/schema.prisma: the migrated database must match the schema exactly. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { type Catalog, MIGRATIONS_TABLE, readCatalog } from "../support/catalog.ts";
import { databaseKinds } from "../support/databases.ts";
import { loadExpectedCatalog } from "../support/expected-catalog.ts";

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));
const sortedColumns = (columns: Catalog["columns"]) => [...columns].sort(byKey((c) => `${c.table}.${c.column}`));
const sortedIndexes = (indexes: Catalog["indexes"]) => [...indexes].sort(byKey((i) => i.name));
const sortedForeignKeys = (keys: Catalog["foreignKeys"]) => [...keys].sort(byKey((k) => `${k.table}.${k.name}`));

describe.each(databaseKinds())("migrated schema on $name", (kind) => {
  let db: Database | undefined;
  let actual: Catalog;
  let expected: Catalog;

  beforeAll(async () => {
    expected = await loadExpectedCatalog();
    db = await kind.open();
    actual = await readCatalog(db.sql);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("GIVEN the Prisma schema THEN the database has a table for every model and no other", () => {
    expect(actual.tables.filter((table) => table !== MIGRATIONS_TABLE).sort()).toEqual(expected.tables);
  });

  it("GIVEN the Prisma schema THEN every field has its column with the same type and nullability, and no column is extra", () => {
    expect(sortedColumns(actual.columns)).toEqual(sortedColumns(expected.columns));
  });

  it("GIVEN the Prisma schema THEN every enum exists with the same values in the same order", () => {
    expect(actual.enums).toEqual(expected.enums);
  });

  it("GIVEN the Prisma schema THEN every @id, @unique, @@unique and @@index has its index, named as Prisma names it", () => {
    expect(sortedIndexes(actual.indexes)).toEqual(sortedIndexes(expected.indexes));
  });

  it("GIVEN the Prisma schema THEN every relation has its foreign key with the same referential actions", () => {
    expect(sortedForeignKeys(actual.foreignKeys)).toEqual(sortedForeignKeys(expected.foreignKeys));
  });
});
