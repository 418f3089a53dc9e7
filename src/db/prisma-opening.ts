/** A member's unit of work starts with one statement: the workspace row, the member and whether failures await telling. */
import type { MemberOpening } from "../core/ports.ts";
import type { Prisma } from "./generated/client.ts";

/** One row of the opening read; `m_*` columns are null when the member has not been seen yet. */
interface OpeningRow {
  w_id: string;
  w_platform: MemberOpening["workspace"]["platform"];
  w_externalId: string;
  w_name: string;
  w_celebrationChannel: string | null;
  w_defaultTimezone: string;
  w_feedbackChaseDays: number;
  w_silenceDays: number;
  w_weeklyEncouragement: boolean;
  w_weeklyDay: number;
  w_weeklyHour: number;
  w_digestDay: number;
  w_digestHour: number;
  w_deletionScheduledAt: Date | null;
  w_createdAt: Date;
  m_id: string | null;
  m_externalId: string;
  m_displayName: string;
  m_timezone: string | null;
  m_quietStart: number | null;
  m_quietEnd: number | null;
  m_sharing: NonNullable<MemberOpening["member"]>["sharing"];
  m_pausedUntil: Date | null;
  m_optOuts: string[];
  m_createdAt: Date;
  untold: boolean;
}

/**
 * Null when there is no such workspace. Three Prisma queries would cost three round trips and three times the
 * client's per-query work on the path of every command; the failure check reads the (memberId, status) index.
 */
export async function readOpening(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  memberExternalId: string,
): Promise<MemberOpening | null> {
  const rows = await tx.$queryRaw<OpeningRow[]>`
    SELECT w.id AS "w_id", w.platform::text AS "w_platform", w."externalId" AS "w_externalId", w.name AS "w_name",
      w."celebrationChannel" AS "w_celebrationChannel", w."defaultTimezone" AS "w_defaultTimezone",
      w."feedbackChaseDays" AS "w_feedbackChaseDays", w."silenceDays" AS "w_silenceDays",
      w."weeklyEncouragement" AS "w_weeklyEncouragement", w."weeklyDay" AS "w_weeklyDay",
      w."weeklyHour" AS "w_weeklyHour", w."digestDay" AS "w_digestDay", w."digestHour" AS "w_digestHour",
      w."deletionScheduledAt" AS "w_deletionScheduledAt", w."createdAt" AS "w_createdAt",
      m.id AS "m_id", m."externalId" AS "m_externalId", m."displayName" AS "m_displayName",
      m.timezone AS "m_timezone", m."quietStart" AS "m_quietStart", m."quietEnd" AS "m_quietEnd",
      m.sharing::text AS "m_sharing", m."pausedUntil" AS "m_pausedUntil", m."optOuts" AS "m_optOuts",
      m."createdAt" AS "m_createdAt",
      EXISTS (
        SELECT 1 FROM "Outbox" o
        WHERE o."memberId" = m.id AND o."workspaceId" = w.id AND o.target = 'DIRECT'
          AND o.status IN ('FAILED', 'DEAD') AND o."failureToldAt" IS NULL
      ) AS "untold"
    FROM "Workspace" w
    LEFT JOIN "Member" m ON m."workspaceId" = w.id AND m."externalId" = ${memberExternalId}
    WHERE w.id = ${workspaceId}`;
  const [row] = rows;
  if (!row) return null;
  return {
    workspace: {
      id: row.w_id,
      platform: row.w_platform,
      externalId: row.w_externalId,
      name: row.w_name,
      celebrationChannel: row.w_celebrationChannel,
      defaultTimezone: row.w_defaultTimezone,
      feedbackChaseDays: row.w_feedbackChaseDays,
      silenceDays: row.w_silenceDays,
      weeklyEncouragement: row.w_weeklyEncouragement,
      weeklyDay: row.w_weeklyDay,
      weeklyHour: row.w_weeklyHour,
      digestDay: row.w_digestDay,
      digestHour: row.w_digestHour,
      deletionScheduledAt: row.w_deletionScheduledAt,
      createdAt: row.w_createdAt,
    },
    member:
      row.m_id === null
        ? null
        : {
            id: row.m_id,
            workspaceId: row.w_id,
            externalId: row.m_externalId,
            displayName: row.m_displayName,
            timezone: row.m_timezone,
            quietStart: row.m_quietStart,
            quietEnd: row.m_quietEnd,
            sharing: row.m_sharing,
            pausedUntil: row.m_pausedUntil,
            optOuts: row.m_optOuts,
            createdAt: row.m_createdAt,
          },
    hasUntoldFailures: row.untold,
  };
}
