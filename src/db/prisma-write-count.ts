/** A Prisma client that counts the rows its writes touch, or refuses every write when a unit of work only reads. */
import { ReadOnlyWriteError } from "../core/ports.ts";
import type { Prisma } from "./generated/client.ts";

/**
 * Prisma's own write operations (create, createMany, update, updateMany, upsert, delete, deleteMany and their
 * *AndReturn forms), matched by Prisma's naming rather than listed by us; every other model operation reads.
 * `$queryRaw` counts as a read: the repository only selects through it.
 */
const WRITE_OPERATION = /^(create|update|upsert|delete)/;
const RAW_WRITES: ReadonlySet<string> = new Set(["$executeRaw", "$executeRawUnsafe"]);

export interface CountedClient {
  /** Use in place of the client handed in: same API, writes counted (or refused). */
  client: Prisma.TransactionClient;
  /** Rows inserted, updated or deleted through `client` so far. */
  rowsWritten(): number;
}

/** Rows a write operation reports touching: `{ count }` for *Many, a list for *AndReturn, a number for raw, else one row. */
function rowsOf(result: unknown): number {
  if (typeof result === "number") return result;
  if (Array.isArray(result)) return result.length;
  if (result !== null && typeof result === "object" && typeof (result as { count?: unknown }).count === "number") {
    return (result as { count: number }).count;
  }
  return 1;
}

export function countWrites(client: Prisma.TransactionClient, options: { readOnly: boolean }): CountedClient {
  let rows = 0;
  const counted =
    (what: string, write: (...args: unknown[]) => unknown) =>
    async (...args: unknown[]): Promise<unknown> => {
      if (options.readOnly) throw new ReadOnlyWriteError(what);
      const result = await write(...args);
      rows += rowsOf(result);
      return result;
    };
  const delegates = new Map<string, unknown>();
  const delegateOf = (model: string, delegate: object) =>
    new Proxy(delegate, {
      get(target, operation) {
        const value: unknown = Reflect.get(target, operation, target);
        if (typeof value !== "function") return value;
        const bound = value.bind(target);
        return typeof operation === "string" && WRITE_OPERATION.test(operation)
          ? counted(`${model}.${operation}`, bound)
          : bound;
      },
    });
  const wrapped = new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof property !== "string") return value;
      if (typeof value === "function") {
        const bound = value.bind(target);
        return RAW_WRITES.has(property) ? counted(property, bound) : bound;
      }
      if (property.startsWith("$") || value === null || typeof value !== "object") return value;
      let delegate = delegates.get(property);
      if (!delegate) {
        delegate = delegateOf(property, value);
        delegates.set(property, delegate);
      }
      return delegate;
    },
  });
  return { client: wrapped, rowsWritten: () => rows };
}
