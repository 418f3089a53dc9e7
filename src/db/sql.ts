/** A minimal raw-SQL connection over node-postgres or PGlite, for migrations and statements Prisma cannot express. */
import type { PGliteInterface } from "@electric-sql/pglite";
import type { ClientBase, Pool } from "pg";

export interface SqlConnection {
  /** Runs a script of one or more statements without parameters (simple-query protocol, so no `$1`). */
  exec(script: string): Promise<void>;
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Wraps a pg Client, PoolClient or Pool. Session state (advisory locks, BEGIN…COMMIT) needs a single
 * client; a Pool may hand each call to a different connection.
 */
export function pgConnection(client: ClientBase | Pool): SqlConnection {
  return {
    async exec(script) {
      // Without a values array pg uses the simple-query protocol, which accepts several statements.
      await client.query(script);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
  };
}

/** Wraps a PGlite instance; it is a single session, so every call shares its locks and transactions. */
export function pgliteConnection(db: PGliteInterface): SqlConnection {
  return {
    async exec(script) {
      await db.exec(script);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await db.query<T>(sql, params);
      return result.rows;
    },
  };
}
