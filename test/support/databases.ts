/** The databases storage tests run against: in-memory PGlite always, and a throwaway Postgres database when TEST_DATABASE_URL is set. */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/open.ts";
import { pgConnection, pgliteConnection, type SqlConnection } from "../../src/db/sql.ts";

/** An empty, unmigrated database for tests that drive the migration runner themselves. */
export interface ScratchDatabase {
  /** A new session on it (on PGlite, the one and only session). */
  connect(): Promise<SqlConnection>;
  /** Closes every session and deletes the database. */
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: "pglite" | "postgres";
  /** A fresh, migrated database; its close() also deletes it. */
  open(): Promise<Database>;
  /** A fresh database with nothing in it. */
  scratch(): Promise<ScratchDatabase>;
}

export function databaseKinds(): DatabaseKind[] {
  const kinds: DatabaseKind[] = [pgliteKind];
  const url = process.env.TEST_DATABASE_URL;
  if (url) kinds.push(postgresKind(url));
  return kinds;
}

const pgliteKind: DatabaseKind = {
  name: "pglite",
  open: () => openDatabase({ dataDir: "memory://" }),
  async scratch() {
    const db = new PGlite("memory://");
    return { connect: async () => pgliteConnection(db), drop: () => db.close() };
  },
};

function postgresKind(adminUrl: string): DatabaseKind {
  async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
    const name = `ns_test_${randomBytes(6).toString("hex")}`;
    await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const drop = async () => {
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
    return { url: url.toString(), drop };
  }
  return {
    name: "postgres",
    async open() {
      const created = await createDatabase();
      const db = await openDatabase({ databaseUrl: created.url }).catch(async (error) => {
        await created.drop();
        throw error;
      });
      return { ...db, close: () => db.close().finally(created.drop) };
    },
    async scratch() {
      const created = await createDatabase();
      const clients: pg.Client[] = [];
      return {
        async connect() {
          const client = new pg.Client({ connectionString: created.url });
          clients.push(client);
          await client.connect();
          return pgConnection(client);
        },
        async drop() {
          await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
          await created.drop();
        },
      };
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
