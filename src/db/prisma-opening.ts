/** A member's unit of work starts with one statement: the workspace row, the member and whether failures await telling. */
import type { Member, Workspace } from "../core/model.ts";
import type { MemberOpening } from "../core/ports.ts";
import { aliasedColumns, aliasedPart } from "./aliased-columns.ts";
import { Prisma } from "./generated/client.ts";

/**
 * $1 = the workspace id, $2 = the member's platform id. Every column comes from Prisma's field lists, so a new
 * setting needs no change here. The failure check reads the (memberId, status) index.
 */
const OPENING = `
SELECT ${aliasedColumns("w", Prisma.WorkspaceScalarFieldEnum)}, ${aliasedColumns("m", Prisma.MemberScalarFieldEnum)},
  EXISTS (
    SELECT 1 FROM "Outbox" o
    WHERE o."memberId" = m.id AND o."workspaceId" = w.id AND o.target = 'DIRECT'
      AND o.status IN ('FAILED', 'DEAD') AND o."failureToldAt" IS NULL
  ) AS "untold",
  EXISTS (
    SELECT 1 FROM "Outbox" c
    WHERE c."workspaceId" = w.id AND c.target = 'CHANNEL'
      AND c.status IN ('FAILED', 'DEAD') AND c."failureToldAt" IS NULL
  ) AS "untoldChannel"
FROM "Workspace" w
LEFT JOIN "Member" m ON m."workspaceId" = w.id AND m."externalId" = $2
WHERE w.id = $1`;

/**
 * Null when there is no such workspace. Three Prisma queries would cost three round trips and three times the
 * client's per-query work on the path of every command.
 */
export async function readOpening(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  memberExternalId: string,
): Promise<MemberOpening | null> {
  const [row] = await tx.$queryRawUnsafe<Record<string, unknown>[]>(OPENING, workspaceId, memberExternalId);
  if (!row) return null;
  const member = aliasedPart<Member>(row, "m");
  return {
    workspace: aliasedPart<Workspace>(row, "w"),
    // The left join gives a row of nulls before the member's first command.
    member: member.id === null ? null : member,
    hasUntoldFailures: row.untold === true,
    hasUntoldChannelFailures: row.untoldChannel === true,
  };
}
