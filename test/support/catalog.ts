/** Reads what a migrated database actually contains (tables, columns, enums, indexes, foreign keys) from information_schema and pg_catalog. */
import type { SqlConnection } from "../../src/db/sql.ts";

/** Kept out of every comparison: it is the migration runner's bookkeeping, not part of the data model. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export interface CatalogColumn {
  table: string;
  column: string;
  dataType: string;
  udtName: string;
  nullable: boolean;
  /** Fractional-second digits of a timestamp column, otherwise null. */
  datetimePrecision: number | null;
}

export interface CatalogIndex {
  table: string;
  name: string;
  kind: "primary" | "unique" | "normal";
  columns: string[];
}

export interface CatalogForeignKey {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface Catalog {
  tables: string[];
  columns: CatalogColumn[];
  enums: Record<string, string[]>;
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

export async function readCatalog(sql: SqlConnection): Promise<Catalog> {
  const tables = await sql.query<{ table: string }>(
    `SELECT table_name::text AS table FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const columns = await sql.query<{
    table: string;
    column: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    datetime_precision: number | null;
  }>(
    `SELECT table_name::text AS table, column_name::text AS column, data_type::text, udt_name::text,
            is_nullable::text, datetime_precision::int
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1 ORDER BY 1, 2`,
    [MIGRATIONS_TABLE],
  );
  const enumValues = await sql.query<{ name: string; value: string }>(
    `SELECT t.typname::text AS name, e.enumlabel::text AS value
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
  );
  const indexColumns = await sql.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    column: string;
  }>(
    `SELECT t.relname::text AS table, i.relname::text AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            a.attname::text AS column
     FROM pg_index ix
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND t.relname <> $1 ORDER BY 1, 2, k.ord`,
    [MIGRATIONS_TABLE],
  );
  const foreignKeyColumns = await sql.query<{
    table: string;
    name: string;
    referenced_table: string;
    on_delete: string;
    on_update: string;
    column: string;
    referenced_column: string;
  }>(
    `SELECT t.relname::text AS table, c.conname::text AS name, r.relname::text AS referenced_table,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
            a.attname::text AS column, ra.attname::text AS referenced_column
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, refattnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     JOIN pg_attribute ra ON ra.attrelid = r.oid AND ra.attnum = k.refattnum
     WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2, k.ord`,
  );

  const enums: Record<string, string[]> = {};
  for (const { name, value } of enumValues) enums[name] = [...(enums[name] ?? []), value];

  const indexes = new Map<string, CatalogIndex>();
  for (const row of indexColumns) {
    const kind = row.primary ? "primary" : row.unique ? "unique" : "normal";
    const index = indexes.get(row.name) ?? { table: row.table, name: row.name, kind, columns: [] };
    index.columns.push(row.column);
    indexes.set(row.name, index);
  }

  const foreignKeys = new Map<string, CatalogForeignKey>();
  for (const row of foreignKeyColumns) {
    const key = `${row.table}.${row.name}`;
    const foreignKey = foreignKeys.get(key) ?? {
      table: row.table,
      name: row.name,
      columns: [],
      referencedTable: row.referenced_table,
      referencedColumns: [],
      onDelete: REFERENTIAL_ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: REFERENTIAL_ACTIONS[row.on_update] ?? row.on_update,
    };
    foreignKey.columns.push(row.column);
    foreignKey.referencedColumns.push(row.referenced_column);
    foreignKeys.set(key, foreignKey);
  }

  return {
    tables: tables.map((row) => row.table),
    columns: columns.map((row) => ({
      table: row.table,
      column: row.column,
      dataType: row.data_type,
      udtName: row.udt_name,
      nullable: row.is_nullable === "YES",
      datetimePrecision: row.datetime_precision,
    })),
    enums,
    indexes: [...indexes.values()],
    foreignKeys: [...foreignKeys.values()],
  };
}
