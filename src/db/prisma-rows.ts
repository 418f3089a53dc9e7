/** Conversions between Prisma rows and the core's model, and the errors both Prisma files throw. */
import type { BotMessage, OutboxMessage } from "../core/model.ts";
import { type Outbox, Prisma } from "./generated/client.ts";

/** The column is Json to Prisma; only the core writes it, always from a BotMessage. */
export function toOutboxMessage(row: Outbox): OutboxMessage {
  return { ...row, payload: row.payload as unknown as BotMessage };
}

export function toJson(payload: BotMessage): Prisma.InputJsonValue {
  return payload as unknown as Prisma.InputJsonValue;
}

export function notFound(what: string, id: string): Error {
  return new Error(`${what} ${id} not found in this workspace`);
}

/** Turns Prisma's "record to update not found" into the same error the in-memory store throws. */
export async function orNotFound<T>(what: string, id: string, query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw notFound(what, id);
    throw error;
  }
}

/** Oldest first; ids are time-ordered, so they settle ties between rows created in the same millisecond. */
export const oldestFirst = [{ createdAt: "asc" }, { id: "asc" }] as const satisfies {
  createdAt?: "asc";
  id?: "asc";
}[];
