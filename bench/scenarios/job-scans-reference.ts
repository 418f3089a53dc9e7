/**
 * The reference for each job: its whole scan-and-enqueue as one hand-written statement ($1 = the job's now), with
 * the same candidate conditions, member rules (zone, quiet hours, pause, opt-out, 24-hour rule) and dedupe keys.
 * Texts are composed in JS by the jobs, so payloads here carry the inputs the text needs instead of the text.
 */

const NOW = "$1::timestamptz";

const OUTBOX_COLUMNS = `(id, "workspaceId", "memberId", kind, target, channel, payload, "dedupeKey", "nextAttemptAt", "createdAt")`;

/** The member's zone `z.zone` and their next allowed delivery time `d.next_attempt` (quiet hours, as nextAllowedTime). */
const MEMBER_TIMING = `
  CROSS JOIN LATERAL (SELECT coalesce(m.timezone, w."defaultTimezone") AS zone) z
  CROSS JOIN LATERAL (SELECT ${NOW} AT TIME ZONE z.zone AS local) lt
  CROSS JOIN LATERAL (SELECT extract(hour FROM lt.local)::int * 60 + extract(minute FROM lt.local)::int AS minute) lm
  CROSS JOIN LATERAL (SELECT CASE
    WHEN m."quietStart" IS NULL OR m."quietEnd" IS NULL OR m."quietStart" = m."quietEnd" THEN ${NOW}
    WHEN (m."quietStart" < m."quietEnd" AND lm.minute >= m."quietStart" AND lm.minute < m."quietEnd")
      OR (m."quietStart" > m."quietEnd" AND (lm.minute >= m."quietStart" OR lm.minute < m."quietEnd"))
    THEN (date_trunc('day', lt.local) + CASE WHEN lm.minute >= m."quietEnd" THEN interval '1 day' ELSE interval '0' END
      + m."quietEnd" * interval '1 minute') AT TIME ZONE z.zone
    ELSE ${NOW} END AS next_attempt) d`;

/** mayReceive: the workspace's app not removed, not paused, not opted out of `kind`. */
function mayReceive(kind: string): string {
  return `w."deletionScheduledAt" IS NULL
    AND (m."pausedUntil" IS NULL OR m."pausedUntil" <= ${NOW}) AND NOT ('${kind}' = ANY (m."optOuts"))`;
}

/** The 24-hour rule for cheerful kinds: no rejection logged in the last day. */
const NOT_RECENTLY_REJECTED = `NOT EXISTS (SELECT 1 FROM recently_rejected x WHERE x."memberId" = m.id)`;
const RECENTLY_REJECTED = `recently_rejected AS MATERIALIZED (SELECT DISTINCT "memberId" FROM "Application"
  WHERE status = 'REJECTED' AND "statusChangedAt" >= ${NOW} - interval '1 day')`;

/** Not queued already under this dedupe key: filters before composing, where ON CONFLICT would only catch it after. */
function notQueued(workspaceId: string, dedupeKey: string): string {
  return `NOT EXISTS (SELECT 1 FROM "Outbox" o WHERE o."workspaceId" = ${workspaceId} AND o."dedupeKey" = ${dedupeKey})`;
}

/** `to_char` pattern of isoWeekKey ("2026-W47"). */
const ISO_WEEK = `'IYYY-"W"IW'`;

const feedbackChase = `
WITH due AS MATERIALIZED (
  SELECT f.id AS request_id, a.id AS application_id, a."workspaceId" AS workspace_id, m.id AS member_id, d.next_attempt,
    CASE WHEN f.state = 'ASKED' OR f."chaseCount" = 1 THEN 2 ELSE 1 END AS chase,
    a.company, a.role, m."displayName" AS member_name
  FROM "FeedbackRequest" f
  JOIN "Application" a ON a.id = f."applicationId"
  JOIN "Member" m ON m.id = a."memberId"
  JOIN "Workspace" w ON w.id = m."workspaceId"
  ${MEMBER_TIMING}
  WHERE f."chaseCount" < 2 AND f.state IN ('NOT_ASKED', 'ASKED')
    AND a.status = 'REJECTED' AND a."statusChangedAt" <= ${NOW} - interval '1 day'
    AND (f."snoozedUntil" IS NULL OR f."snoozedUntil" <= ${NOW})
    AND ${mayReceive("feedback-chase")}
    AND ((f.state = 'ASKED' AND f."askedAt" <= ${NOW} - interval '7 days')
      OR (f.state = 'NOT_ASKED' AND f."chaseCount" = 0 AND a."statusChangedAt" <= ${NOW} - w."feedbackChaseDays" * interval '1 day')
      OR (f.state = 'NOT_ASKED' AND f."chaseCount" = 1 AND f."snoozedUntil" IS NOT NULL))
),
-- The last person met at each company: one pass over reflections (there is no index on their application).
interviewers AS (
  SELECT DISTINCT ON (x."applicationId") x."applicationId" AS application_id, x."personMet" AS interviewer
  FROM "Reflection" x
  WHERE x."personMet" IS NOT NULL AND x."applicationId" IN (SELECT application_id FROM due)
  ORDER BY x."applicationId", x."createdAt" DESC
), inserted AS (
  INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
  SELECT gen_random_uuid()::text, due.workspace_id, due.member_id, 'feedback-chase', 'DIRECT', NULL,
    jsonb_build_object('private', true, 'company', due.company, 'role', due.role, 'memberName', due.member_name,
      'stage', (SELECT r.stage FROM "Round" r WHERE r."applicationId" = due.application_id ORDER BY r."createdAt" DESC LIMIT 1),
      'interviewer', i.interviewer),
    'feedback-chase:' || due.application_id || ':' || due.chase, due.next_attempt, ${NOW}
  FROM due LEFT JOIN interviewers i ON i.application_id = due.application_id
  ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING
  RETURNING 1
), chased AS (
  UPDATE "FeedbackRequest" f SET "chaseCount" = due.chase, "snoozedUntil" = NULL
  FROM due WHERE f.id = due.request_id AND f."chaseCount" < due.chase
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS created, (SELECT count(*) FROM chased)::int AS chased`;

/** Spells that crossed the workspace's silence period within the 2-day look-back, by the applications' last news. */
const silenceCheck = `
WITH ${RECENTLY_REJECTED},
bounds AS MATERIALIZED (
  SELECT w.id, ${NOW} - w."silenceDays" * interval '1 day' AS quiet_since,
    ${NOW} - w."silenceDays" * interval '1 day' - interval '2 days' AS stale_before
  FROM "Workspace" w
), span AS MATERIALIZED (SELECT min(stale_before) AS lo, max(quiet_since) AS hi FROM bounds),
keyed AS (
  SELECT a.id, a."memberId", a."workspaceId", a.company, n."lastNewsAt" AS last_news,
    'check-in:' || a.id || ':' || to_char(n."lastNewsAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS key
  FROM "ApplicationNews" n
  JOIN "Application" a ON a.id = n."applicationId"
  JOIN bounds b ON b.id = a."workspaceId"
  WHERE n."lastNewsAt" > (SELECT lo FROM span) AND n."lastNewsAt" <= (SELECT hi FROM span)
    AND a.status = 'ACTIVE' AND n."lastNewsAt" > b.stale_before AND n."lastNewsAt" <= b.quiet_since
)
INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
SELECT gen_random_uuid()::text, m."workspaceId", m.id, 'check-in', 'DIRECT', NULL,
  jsonb_build_object('private', true, 'company', s.company, 'memberName', m."displayName",
    'daysSilent', floor(extract(epoch FROM ${NOW} - s.last_news) / 86400)),
  s.key, d.next_attempt, ${NOW}
FROM keyed s
JOIN "Member" m ON m.id = s."memberId"
JOIN "Workspace" w ON w.id = m."workspaceId"
${MEMBER_TIMING}
WHERE ${mayReceive("check-in")} AND ${NOT_RECENTLY_REJECTED}
  AND ${notQueued(`s."workspaceId"`, "s.key")}
ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;

/** Rounds still pending in a window, on applications still open, with their member. */
function pendingRounds(from: string, to: string): string {
  return `FROM "Round" r
  JOIN "Application" a ON a.id = r."applicationId"
  JOIN "Member" m ON m.id = a."memberId"
  JOIN "Workspace" w ON w.id = m."workspaceId"
  ${MEMBER_TIMING}
  WHERE r.outcome = 'PENDING' AND r."scheduledAt" >= ${from} AND r."scheduledAt" < ${to} AND a.status IN ('ACTIVE', 'OFFER')`;
}

const prepReminder = `
INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
SELECT gen_random_uuid()::text, m."workspaceId", m.id, 'prep', 'DIRECT', NULL,
  jsonb_build_object('private', true, 'company', a.company, 'stage', r.stage, 'scheduledAt', r."scheduledAt", 'zone', z.zone,
    'gaps', (SELECT coalesce(jsonb_agg(g.topic ORDER BY g.number), '[]') FROM "Gap" g
      WHERE g."memberId" = m.id AND g.status IN ('OPEN', 'PRACTICING'))),
  'prep:' || r.id, d.next_attempt, ${NOW}
${pendingRounds(NOW, `${NOW} + interval '32 hours'`)}
  AND ${mayReceive("prep")}
  AND ${NOW} >= ((r."scheduledAt" AT TIME ZONE z.zone)::date - 1 + time '17:00') AT TIME ZONE z.zone
  AND d.next_attempt <= r."scheduledAt" - interval '1 hour'
  AND ${notQueued(`r."workspaceId"`, `'prep:' || r.id`)}
ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;

const reflectionPrompt = `
INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
SELECT gen_random_uuid()::text, m."workspaceId", m.id, 'reflection', 'DIRECT', NULL,
  jsonb_build_object('private', true, 'company', a.company, 'stage', r.stage),
  'reflection:' || r.id, d.next_attempt, ${NOW}
${pendingRounds(`${NOW} - interval '48 hours'`, `${NOW} - interval '3 hours' + interval '1 millisecond'`)}
  AND r."heldAt" IS NULL AND ${mayReceive("reflection")}
  AND ${notQueued(`r."workspaceId"`, `'reflection:' || r.id`)}
ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;

const practiceNudge = `
WITH ${RECENTLY_REJECTED}
INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
SELECT gen_random_uuid()::text, m."workspaceId", m.id, 'practice', 'DIRECT', NULL,
  jsonb_build_object('private', true, 'gaps', gaps.list),
  'practice:' || m.id || ':' || to_char(lt.local, ${ISO_WEEK}), d.next_attempt, ${NOW}
FROM "Member" m
JOIN "Workspace" w ON w.id = m."workspaceId"
${MEMBER_TIMING}
CROSS JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('id', g.id, 'number', g.number, 'topic', g.topic) ORDER BY g.number) AS list
  FROM "Gap" g WHERE g."memberId" = m.id AND g.status IN ('OPEN', 'PRACTICING')) gaps
WHERE extract(dow FROM lt.local) = 3 AND extract(hour FROM lt.local) >= 10 AND gaps.list IS NOT NULL
  AND ${mayReceive("practice")} AND ${NOT_RECENTLY_REJECTED}
  AND ${notQueued(`m."workspaceId"`, `'practice:' || m.id || ':' || to_char(lt.local, ${ISO_WEEK})`)}
ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;

/** Workspaces with a channel whose local weekday and hour have reached `day`, `hour`; `lt.local` is their time. */
function channelWindow(kind: string, day: string, hour: string): string {
  return `FROM "Workspace" w
  CROSS JOIN LATERAL (SELECT ${NOW} AT TIME ZONE w."defaultTimezone" AS local) lt
  WHERE w."celebrationChannel" IS NOT NULL AND w."deletionScheduledAt" IS NULL AND extract(dow FROM lt.local) = w."${day}" AND extract(hour FROM lt.local) >= w."${hour}"
    AND ${notQueued("w.id", `'${kind}:' || to_char(lt.local, ${ISO_WEEK})`)}`;
}

const weeklyEncouragement = `
INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
SELECT gen_random_uuid()::text, w.id, NULL, 'weekly', 'CHANNEL', w."celebrationChannel",
  jsonb_build_object('recent', (SELECT coalesce(jsonb_agg(o.payload -> 'text'), '[]') FROM "Outbox" o
    WHERE o."workspaceId" = w.id AND o.kind = 'weekly' AND o."createdAt" >= ${NOW} - interval '70 days')),
  'weekly:' || to_char(lt.local, ${ISO_WEEK}), ${NOW}, ${NOW}
${channelWindow("weekly", "weeklyDay", "weeklyHour")} AND w."weeklyEncouragement"
ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;

const PERIOD = (column: string) => `${column} >= ${NOW} - interval '7 days' AND ${column} < ${NOW}`;

/** One pass per table over the due workspaces' rows (reflections have no workspace index: one scan, not one per count). */
const weeklyDigest = `
WITH due AS MATERIALIZED (
  SELECT w.id, w."celebrationChannel", lt.local ${channelWindow("digest", "digestDay", "digestHour")}
), rounds AS (
  SELECT r."workspaceId" AS id,
    count(*) FILTER (WHERE r.outcome = 'NEXT_STEP' AND ${PERIOD(`r."outcomeAt"`)}) AS invitations,
    count(*) FILTER (WHERE ${PERIOD(`r."heldAt"`)} AND (r.stage IS NULL OR r.stage <> 'APPLIED')) AS rounds_held
  FROM "Round" r WHERE r."workspaceId" IN (SELECT id FROM due) GROUP BY r."workspaceId"
), offers AS (
  SELECT a."workspaceId" AS id, count(*) AS offers FROM "Application" a
  WHERE a."workspaceId" IN (SELECT id FROM due) AND a.status IN ('OFFER', 'ACCEPTED') AND ${PERIOD(`a."statusChangedAt"`)}
  GROUP BY a."workspaceId"
), feedback AS (
  SELECT f."workspaceId" AS id, count(*) AS feedback_received FROM "FeedbackRequest" f
  WHERE f."workspaceId" IN (SELECT id FROM due) AND f.state = 'RECEIVED' AND ${PERIOD(`f."receivedAt"`)}
  GROUP BY f."workspaceId"
), reflections AS (
  SELECT x."workspaceId" AS id, count(*) FILTER (WHERE x."personMet" IS NOT NULL) AS people_met,
    count(*) FILTER (WHERE x.learned IS NOT NULL) AS things_learned
  FROM "Reflection" x WHERE x."workspaceId" IN (SELECT id FROM due) AND ${PERIOD(`x."createdAt"`)}
  GROUP BY x."workspaceId"
), winners AS (
  SELECT m."workspaceId" AS id, array_agg(m."displayName" ORDER BY m."displayName") AS winners
  FROM "Member" m
  WHERE m."workspaceId" IN (SELECT id FROM due) AND m.sharing <> 'OFF' AND m.id IN (
    SELECT a."memberId" FROM "Application" a WHERE a."workspaceId" IN (SELECT id FROM due)
      AND a.status IN ('OFFER', 'ACCEPTED') AND ${PERIOD(`a."statusChangedAt"`)}
    UNION
    SELECT a."memberId" FROM "Round" r JOIN "Application" a ON a.id = r."applicationId"
    WHERE r."workspaceId" IN (SELECT id FROM due) AND r.outcome = 'NEXT_STEP' AND ${PERIOD(`r."outcomeAt"`)})
  GROUP BY m."workspaceId"
), summaries AS (
  SELECT due.*, coalesce(r.invitations, 0) AS invitations, coalesce(r.rounds_held, 0) AS rounds_held,
    coalesce(o.offers, 0) AS offers, coalesce(f.feedback_received, 0) AS feedback_received,
    coalesce(x.people_met, 0) AS people_met, coalesce(x.things_learned, 0) AS things_learned, n.winners
  FROM due LEFT JOIN rounds r USING (id) LEFT JOIN offers o USING (id) LEFT JOIN feedback f USING (id)
    LEFT JOIN reflections x USING (id) LEFT JOIN winners n USING (id)
)
INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
SELECT gen_random_uuid()::text, s.id, NULL, 'digest', 'CHANNEL', s."celebrationChannel",
  jsonb_build_object('invitations', s.invitations, 'roundsHeld', s.rounds_held, 'offers', s.offers,
    'feedbackReceived', s.feedback_received, 'peopleMet', s.people_met, 'thingsLearned', s.things_learned,
    'winners', s.winners),
  'digest:' || to_char(s.local, ${ISO_WEEK}), ${NOW}, ${NOW}
FROM summaries s
WHERE s.invitations + s.rounds_held + s.offers + s.feedback_received + s.people_met + s.things_learned > 0
ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;

const workspacePurge = `DELETE FROM "Workspace" WHERE "deletionScheduledAt" <= ${NOW}`;

const outboxRetention = `UPDATE "Outbox" SET payload = '{"text": ""}'::jsonb
WHERE status = 'SENT' AND "sentAt" < ${NOW} - interval '30 days' AND payload <> '{"text": ""}'::jsonb`;

/** Hand-written statement per job name (src/jobs/registry.ts); each affects as many rows as the job reports. */
export const REFERENCE_STATEMENTS: Readonly<Record<string, string>> = {
  "feedback-chase": feedbackChase,
  "silence-check": silenceCheck,
  "prep-reminder": prepReminder,
  "reflection-prompt": reflectionPrompt,
  "weekly-encouragement": weeklyEncouragement,
  "weekly-digest": weeklyDigest,
  "practice-nudge": practiceNudge,
  "workspace-purge": workspacePurge,
  "outbox-retention": outboxRetention,
};
