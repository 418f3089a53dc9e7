/**
 * The scheduled jobs' reads as set-based SQL, the one authority on who is due: each narrows to exactly that through
 * an index, builds the dedupe key (src/jobs/keys.ts) the job will write and leaves out what is already queued under
 * it. Every rule's constant comes from src/jobs/eligibility.ts, rendered into the statement. $1 is always the job's now.
 */
import {
  CHEERFUL_KINDS,
  FEEDBACK_CHASE,
  OPEN_APPLICATION_STATUSES,
  OPEN_GAP_STATUSES,
  type OptionalKind,
  PRACTICE_NUDGE,
  PREP_REMINDER,
  REFLECTION_PROMPT,
  REJECTION_COOL_DOWN_MS,
  SILENCE_CHECK,
} from "../jobs/eligibility.ts";
import {
  CHECK_IN_KEY,
  FEEDBACK_CHASE_KEY,
  KEY_SEPARATOR,
  type KeyTemplate,
  PRACTICE_KEY,
  PREP_KEY,
  REFLECTION_KEY,
} from "../jobs/keys.ts";
import { aliasedColumns } from "./aliased-columns.ts";
import { Prisma } from "./generated/client.ts";

/** The job's now. */
const NOW = "$1::timestamptz";

const MEMBER_AND_WORKSPACE = `${aliasedColumns("m", Prisma.MemberScalarFieldEnum)}, ${aliasedColumns("w", Prisma.WorkspaceScalarFieldEnum)}`;
const APPLICATION = aliasedColumns("a", Prisma.ApplicationScalarFieldEnum);

/** The member (m) and workspace (w) of application a. */
const JOIN_MEMBER = `JOIN "Member" m ON m.id = a."memberId" JOIN "Workspace" w ON w.id = m."workspaceId"`;

/** A constant of eligibility.ts (never input) as an SQL text literal. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Constants of eligibility.ts as an SQL list, e.g. for `status IN (…)`. */
const list = (values: readonly string[]) => values.map(literal).join(", ");

/** A duration constant of eligibility.ts as an SQL interval. */
function interval(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new Error(`not a whole number of milliseconds: ${ms}`);
  return `interval '${ms} milliseconds'`;
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/** The key of `template` from SQL expressions for its parts, as keyOf builds it. */
function sqlKey(template: KeyTemplate, ...parts: string[]): string {
  if (parts.length !== template.parts.length)
    throw new Error(`${template.prefix} keys have ${template.parts.length} parts`);
  return [literal(template.prefix), ...parts].join(` || ${literal(KEY_SEPARATOR)} || `);
}

/**
 * The rules every DM obeys: the workspace's app not removed, the member not paused at now, not opted out of `kind`,
 * and for cheerful kinds no rejection logged in the cool-down (one hashed pass over the recent rejections' index).
 */
function mayReceive(kind: OptionalKind): string {
  const rules = [
    `w."deletionScheduledAt" IS NULL`,
    `(m."pausedUntil" IS NULL OR m."pausedUntil" <= ${NOW})`,
    `NOT (${literal(kind)}::text = ANY (m."optOuts"))`,
  ];
  if (CHEERFUL_KINDS.includes(kind)) {
    rules.push(`m.id NOT IN (SELECT x."memberId" FROM "Application" x
    WHERE x.status = 'REJECTED' AND x."statusChangedAt" >= ${NOW} - ${interval(REJECTION_COOL_DOWN_MS)})`);
  }
  return rules.join(" AND ");
}

/** No outbox row in the workspace under this key. */
const notQueued = (workspaceId: string, dedupeKey: string) =>
  `NOT EXISTS (SELECT 1 FROM "Outbox" o WHERE o."workspaceId" = ${workspaceId} AND o."dedupeKey" = ${dedupeKey})`;

/** An instant as Date#toISOString prints it, the form keys carry. */
const isoInstant = (at: string) => `to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Which chase is due, if any: the first once the workspace's chase days have passed since the rejection; after a
 * snooze has ended, the next; after `asked`, the last one a follow-up delay later. The dedupe is the chase count,
 * which the job records with the message.
 */
export const DUE_FEEDBACK_CHASES = `
SELECT ${aliasedColumns("f", Prisma.FeedbackRequestScalarFieldEnum)}, ${APPLICATION}, ${MEMBER_AND_WORKSPACE},
  (SELECT r.stage::text FROM "Round" r WHERE r."applicationId" = a.id ORDER BY r."createdAt" DESC LIMIT 1) AS stage,
  (SELECT x."personMet" FROM "Reflection" x WHERE x."applicationId" = a.id AND x."personMet" IS NOT NULL
    ORDER BY x."createdAt" DESC LIMIT 1) AS interviewer,
  due.chase, ${sqlKey(FEEDBACK_CHASE_KEY, "a.id", "due.chase")} AS "dedupeKey"
FROM "Application" a
JOIN "FeedbackRequest" f ON f."applicationId" = a.id
${JOIN_MEMBER}
CROSS JOIN LATERAL (SELECT CASE
    WHEN f.state = 'ASKED' AND f."askedAt" <= ${NOW} - ${interval(FEEDBACK_CHASE.followUpAfterMs)}
      THEN ${integer(FEEDBACK_CHASE.maxChases)}
    WHEN f.state = 'NOT_ASKED' AND f."chaseCount" = 0
      AND a."statusChangedAt" <= ${NOW} - w."feedbackChaseDays" * interval '1 day' THEN 1
    WHEN f.state = 'NOT_ASKED' AND f."chaseCount" > 0 AND f."snoozedUntil" IS NOT NULL THEN f."chaseCount" + 1
  END AS chase) due
WHERE a.status = 'REJECTED' AND f."chaseCount" < ${integer(FEEDBACK_CHASE.maxChases)}
  AND f.state IN ('NOT_ASKED', 'ASKED')
  AND (f."snoozedUntil" IS NULL OR f."snoozedUntil" <= ${NOW})
  AND due.chase IS NOT NULL
  AND ${mayReceive(FEEDBACK_CHASE.kind)}`;

/**
 * A spell is due when the application's last news (ApplicationNews, kept by triggers: its activity or any round's
 * time, whichever is latest) is between `silenceDays` and `silenceDays` + look-back old: one index range over the
 * span of every workspace's window, then each workspace's own bounds.
 */
export const SILENT_APPLICATIONS = `
WITH bounds AS MATERIALIZED (
  SELECT w.id, ${NOW} - w."silenceDays" * interval '1 day' AS quiet_since,
    ${NOW} - w."silenceDays" * interval '1 day' - ${interval(SILENCE_CHECK.lookbackMs)} AS stale_before
  FROM "Workspace" w
), span AS MATERIALIZED (SELECT min(stale_before) AS lo, max(quiet_since) AS hi FROM bounds)
SELECT ${APPLICATION}, ${MEMBER_AND_WORKSPACE}, n."lastNewsAt" AS "lastNewsAt", k.key AS "dedupeKey"
FROM "ApplicationNews" n
JOIN "Application" a ON a.id = n."applicationId"
JOIN bounds b ON b.id = a."workspaceId"
${JOIN_MEMBER}
CROSS JOIN LATERAL (SELECT ${sqlKey(CHECK_IN_KEY, "a.id", isoInstant(`n."lastNewsAt"`))} AS key) k
WHERE n."lastNewsAt" > (SELECT lo FROM span) AND n."lastNewsAt" <= (SELECT hi FROM span)
  AND a.status = 'ACTIVE' AND n."lastNewsAt" > b.stale_before AND n."lastNewsAt" <= b.quiet_since
  AND ${mayReceive(SILENCE_CHECK.kind)}
  AND ${notQueued(`a."workspaceId"`, "k.key")}`;

/** The member's open or practising gaps' topics, by number. */
const OPEN_GAP_TOPICS = `(SELECT coalesce(array_agg(g.topic ORDER BY g.number), '{}') FROM "Gap" g
    WHERE g."memberId" = m.id AND g.status IN (${list(OPEN_GAP_STATUSES)})) AS "openGaps"`;

/** Pending rounds on open applications scheduled in [from, to), with `more` columns; `extra` narrows further. */
function pendingRounds(
  kind: OptionalKind,
  key: KeyTemplate,
  window: { from: string; to: string },
  extra: string,
  more = "",
): string {
  return `
SELECT ${aliasedColumns("r", Prisma.RoundScalarFieldEnum)}, ${APPLICATION}, ${MEMBER_AND_WORKSPACE}${more},
  k.key AS "dedupeKey"
FROM "Round" r
JOIN "Application" a ON a.id = r."applicationId"
${JOIN_MEMBER}
CROSS JOIN LATERAL (SELECT coalesce(m.timezone, w."defaultTimezone") AS zone) z
CROSS JOIN LATERAL (SELECT ${sqlKey(key, "r.id")} AS key) k
WHERE r.outcome = 'PENDING' AND r."scheduledAt" >= ${window.from} AND r."scheduledAt" < ${window.to}
  AND a.status IN (${list(OPEN_APPLICATION_STATUSES)})
  AND ${mayReceive(kind)}
  AND ${extra}
  AND ${notQueued(`r."workspaceId"`, "k.key")}`;
}

/** Rounds still ahead within the look-ahead whose eve, the eve hour on the local calendar day before, has come. */
export const ROUNDS_TO_PREPARE = pendingRounds(
  PREP_REMINDER.kind,
  PREP_KEY,
  { from: NOW, to: `${NOW} + ${interval(PREP_REMINDER.lookaheadMs)}` },
  `${NOW} >= ((r."scheduledAt" AT TIME ZONE z.zone)::date - 1
    + ${integer(PREP_REMINDER.eveHour)} * interval '1 hour') AT TIME ZONE z.zone`,
  `, ${OPEN_GAP_TOPICS}`,
);

/** Rounds that started at least the prompt's delay ago, but not longer ago than it gives up after, not logged as held. */
export const ROUNDS_TO_REFLECT = pendingRounds(
  REFLECTION_PROMPT.kind,
  REFLECTION_KEY,
  {
    from: `${NOW} - ${interval(REFLECTION_PROMPT.giveUpAfterMs)}`,
    to: `${NOW} - ${interval(REFLECTION_PROMPT.afterMs)} + interval '1 millisecond'`,
  },
  `r."heldAt" IS NULL`,
);

/** Members on the practice weekday, from its hour, in their own zone, with the ISO week there ("2026-W48"). */
export const MEMBERS_TO_NUDGE = `
SELECT ${MEMBER_AND_WORKSPACE}, gaps.list AS gaps, wk.week, k.key AS "dedupeKey"
FROM "Member" m
JOIN "Workspace" w ON w.id = m."workspaceId"
CROSS JOIN LATERAL (SELECT ${NOW} AT TIME ZONE coalesce(m.timezone, w."defaultTimezone") AS local) lt
CROSS JOIN LATERAL (SELECT to_char(lt.local, 'IYYY-"W"IW') AS week) wk
CROSS JOIN LATERAL (SELECT ${sqlKey(PRACTICE_KEY, "m.id", "wk.week")} AS key) k
CROSS JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('id', g.id, 'number', g.number, 'topic', g.topic) ORDER BY g.number)
  AS list FROM "Gap" g
  WHERE g."memberId" = m.id AND g.status IN (${list(OPEN_GAP_STATUSES)})) gaps
WHERE extract(dow FROM lt.local) = ${integer(PRACTICE_NUDGE.weekday)}
  AND extract(hour FROM lt.local) >= ${integer(PRACTICE_NUDGE.hour)} AND gaps.list IS NOT NULL
  AND ${mayReceive(PRACTICE_NUDGE.kind)}
  AND ${notQueued(`m."workspaceId"`, "k.key")}`;

/** $1 = JSON array of {workspaceId, dedupeKey}. */
export const QUEUED_KEYS = `
SELECT o."workspaceId", o."dedupeKey" FROM jsonb_to_recordset($1::jsonb) AS k("workspaceId" text, "dedupeKey" text)
JOIN "Outbox" o ON o."workspaceId" = k."workspaceId" AND o."dedupeKey" = k."dedupeKey"`;

/** $1 = JSON array of {workspaceId, dedupeKey}: the text of each message found. */
export const QUEUED_TEXTS = `
SELECT o."workspaceId", o."dedupeKey", o.payload ->> 'text' AS text
FROM jsonb_to_recordset($1::jsonb) AS k("workspaceId" text, "dedupeKey" text)
JOIN "Outbox" o ON o."workspaceId" = k."workspaceId" AND o."dedupeKey" = k."dedupeKey"`;

/** $1 = JSON array of messages (NewJobMessage, payload as an object). */
export const INSERT_MESSAGES = `
INSERT INTO "Outbox" (id, "workspaceId", "memberId", kind, target, channel, payload, "dedupeKey", "nextAttemptAt", "createdAt")
SELECT x.id, x."workspaceId", x."memberId", x.kind, x.target::"OutboxTarget", x.channel, x.payload, x."dedupeKey",
  x."nextAttemptAt", x."createdAt"
FROM jsonb_to_recordset($1::jsonb) AS x(id text, "workspaceId" text, "memberId" text, kind text, target text,
  channel text, payload jsonb, "dedupeKey" text, "nextAttemptAt" timestamptz, "createdAt" timestamptz)
ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;

/** $1 = JSON array of {id, chaseCount}. A chase answers any snooze set before it. */
export const RECORD_CHASES = `
UPDATE "FeedbackRequest" f SET "chaseCount" = c."chaseCount", "snoozedUntil" = NULL
FROM jsonb_to_recordset($1::jsonb) AS c(id text, "chaseCount" int)
WHERE f.id = c.id AND f."chaseCount" < c."chaseCount"`;

/** [$1, $2) as a half-open period on `column`. */
const within = (column: string) => `${column} >= $1::timestamptz AND ${column} < $2::timestamptz`;

/**
 * $1, $2 = the period, $3 = JSON array of workspace ids: each workspace's counts through its own index ranges (one
 * lateral pass per workspace, so the plan never depends on guessing how many are due). The application itself is
 * recorded as a passed round when invited; it is not an interview held. Rejections are never counted.
 */
export const WEEK_SUMMARIES = `
SELECT due.id AS "workspaceId", r.invitations, r.rounds_held AS "roundsHeld", o.offers, f.received AS "feedbackReceived",
  x.people_met AS "peopleMet", x.things_learned AS "thingsLearned", coalesce(n.mentions, '[]'::jsonb) AS "sharingWinners"
FROM (SELECT value AS id FROM jsonb_array_elements_text($3::jsonb)) due
CROSS JOIN LATERAL (SELECT
    count(*) FILTER (WHERE r.outcome = 'NEXT_STEP' AND ${within(`r."outcomeAt"`)})::int AS invitations,
    count(*) FILTER (WHERE ${within(`r."heldAt"`)} AND (r.stage IS NULL OR r.stage <> 'APPLIED'))::int AS rounds_held
  FROM "Round" r
  WHERE r."workspaceId" = due.id AND (${within(`r."outcomeAt"`)} OR ${within(`r."heldAt"`)})) r
CROSS JOIN LATERAL (SELECT count(*)::int AS offers FROM "Application" a
  WHERE a."workspaceId" = due.id AND a.status IN ('OFFER', 'ACCEPTED') AND ${within(`a."statusChangedAt"`)}) o
CROSS JOIN LATERAL (SELECT count(*)::int AS received FROM "FeedbackRequest" f
  WHERE f."workspaceId" = due.id AND f.state = 'RECEIVED' AND ${within(`f."receivedAt"`)}) f
CROSS JOIN LATERAL (SELECT count(x."personMet")::int AS people_met, count(x.learned)::int AS things_learned
  FROM "Reflection" x WHERE x."workspaceId" = due.id AND ${within(`x."createdAt"`)}) x
CROSS JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('memberId', m.id, 'name', m."displayName")
    ORDER BY m."displayName", m.id) AS mentions
  FROM "Member" m
  WHERE m."workspaceId" = due.id AND m.sharing IN ('ON', 'COMPANY') AND m.id IN (
    SELECT a."memberId" FROM "Application" a WHERE a."workspaceId" = due.id
      AND a.status IN ('OFFER', 'ACCEPTED') AND ${within(`a."statusChangedAt"`)}
    UNION
    SELECT a."memberId" FROM "Round" r JOIN "Application" a ON a.id = r."applicationId"
    WHERE r."workspaceId" = due.id AND r.outcome = 'NEXT_STEP' AND ${within(`r."outcomeAt"`)})) n`;

/** What a sent message keeps of its payload once the retention period is over. */
export const BLANK_PAYLOAD = '{"text": ""}';

/**
 * $1 = sent before, $2 = how many at most: sent messages past retention lose their words; status, dedupe key and
 * posted reference stay, so a win logged again is still not posted twice and an undo can still take a post back.
 */
export const BLANK_SENT_PAYLOADS = `
UPDATE "Outbox" SET payload = '${BLANK_PAYLOAD}'::jsonb
WHERE id IN (
  SELECT id FROM "Outbox"
  WHERE status = 'SENT' AND "sentAt" < $1::timestamptz AND payload <> '${BLANK_PAYLOAD}'::jsonb
  LIMIT $2::int
  FOR UPDATE SKIP LOCKED)`;
