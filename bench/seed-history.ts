/**
 * The seeder's outbox history: what earlier runs of the jobs would already have sent for the background stories
 * (same dedupe keys), so that only the members picked as due are new at the benchmark moment, and the outbox
 * has the size a few months of running gives it.
 */
import type { SeedSql } from "./seed.ts";

const DAY = "interval '1 day'";
const HOUR = "interval '1 hour'";

/** A direct message as sent, about the size of the jobs' own (text and buttons). */
const SENT_DM = `'${JSON.stringify({
  private: true,
  title: "Sent earlier",
  text: "A message the bot sent before the benchmark moment. It stands in for the real text, which is about this long, so the outbox rows weigh what they would in production.",
  buttons: [{ actionId: "history.ok", label: "OK", command: "pipeline" }],
})}'::jsonb`;

const COLUMNS = `(id, "workspaceId", "memberId", kind, target, channel, payload, "dedupeKey", status, attempts, "nextAttemptAt", "sentAt", "createdAt")`;

/** [label, statement] in execution order; runs after the pipeline tables exist. */
export function historyStatements(sql: SeedSql): [string, string][] {
  const NOW = sql.now;
  return [
    [
      "Outbox feedback chases",
      `INSERT INTO "Outbox" ${COLUMNS}
       SELECT CASE c WHEN 1 THEN '0000000d' ELSE '0000000e' END || substr(p.id, 9), p.ws_id, p.member_id, 'feedback-chase',
         'DIRECT', NULL, ${SENT_DM}, 'feedback-chase:' || p.id || ':' || c, 'SENT', 1, t.at, t.at, t.at
       FROM "FeedbackRequest" f JOIN bench_application p ON p.id = f."applicationId"
       CROSS JOIN generate_series(1, f."chaseCount") c
       CROSS JOIN LATERAL (SELECT least(${NOW}, p.status_changed + (3 + 7 * (c - 1)) * ${DAY}) AS at) t`,
    ],
    [
      "Outbox check-ins",
      // Keyed by the last news, as the silence check keys them; every background application silent for the
      // workspace's ten days has had its nudge.
      `INSERT INTO "Outbox" ${COLUMNS}
       SELECT '0000000c' || substr(a.id, 9), a."workspaceId", a."memberId", 'check-in', 'DIRECT', NULL, ${SENT_DM},
         'check-in:' || a.id || ':' || pg_temp.iso(x.last_news), 'SENT', 1, x.nudged, x.nudged, x.nudged
       FROM "Application" a
       JOIN bench_application p ON p.id = a.id
       LEFT JOIN (SELECT "applicationId", max("scheduledAt") AS scheduled, max("heldAt") AS held,
           bool_or(outcome = 'PENDING' AND "scheduledAt" > ${NOW}) AS ahead
         FROM "Round" GROUP BY "applicationId") r ON r."applicationId" = a.id
       CROSS JOIN LATERAL (SELECT greatest(a."lastActivityAt", r.scheduled, r.held) AS last_news,
         greatest(a."lastActivityAt", r.scheduled, r.held) + 10 * ${DAY} AS nudged) x
       WHERE a.status = 'ACTIVE' AND p.kind <> 'silence' AND NOT coalesce(r.ahead, false) AND x.last_news <= ${NOW} - 10 * ${DAY}`,
    ],
    [
      "Outbox prep reminders",
      // Every scheduled round whose eve (17:00 local the day before) has come was reminded, except the due ones.
      `INSERT INTO "Outbox" ${COLUMNS}
       SELECT '0000000a' || substr(r.id, 9), r."workspaceId", p.member_id, 'prep', 'DIRECT', NULL, ${SENT_DM},
         'prep:' || r.id, 'SENT', 1, t.at, t.at, t.at
       FROM "Round" r JOIN bench_application p ON p.id = r."applicationId"
       CROSS JOIN LATERAL (SELECT ((r."scheduledAt" AT TIME ZONE p.zone)::date - 1 + time '17:00') AT TIME ZONE p.zone AS at) t
       WHERE r."scheduledAt" IS NOT NULL AND t.at <= ${NOW} AND NOT (p.kind = 'prep' AND r.id = pg_temp.bid(4, p.a * 2 + 1))`,
    ],
    [
      "Outbox reflection prompts",
      `INSERT INTO "Outbox" ${COLUMNS}
       SELECT '0000000b' || substr(r.id, 9), r."workspaceId", p.member_id, 'reflection', 'DIRECT', NULL, ${SENT_DM},
         'reflection:' || r.id, 'SENT', 1, r."scheduledAt" + 3 * ${HOUR}, r."scheduledAt" + 3 * ${HOUR}, r."scheduledAt" + 3 * ${HOUR}
       FROM "Round" r JOIN bench_application p ON p.id = r."applicationId"
       WHERE r."scheduledAt" <= ${NOW} - 3 * ${HOUR} AND NOT (p.kind = 'reflection' AND r.id = pg_temp.bid(4, p.a * 2 + 1))`,
    ],
    [
      "Outbox practice nudges",
      // This week's nudge already went to members whose Wednesday 10:00 has come, except those flagged due.
      `INSERT INTO "Outbox" ${COLUMNS}
       SELECT '0000000f' || substr(m.id, 9), m.ws_id, m.id, 'practice', 'DIRECT', NULL, ${SENT_DM},
         'practice:' || m.id || ':' || to_char(l.local, 'IYYY-"W"IW'), 'SENT', 1, t.at, t.at, t.at
       FROM bench_member m
       CROSS JOIN LATERAL (SELECT ${NOW} AT TIME ZONE m.zone AS local) l
       CROSS JOIN LATERAL (SELECT (l.local::date + time '10:00') AT TIME ZONE m.zone AS at) t
       WHERE NOT m.due_practice AND extract(dow FROM l.local) = 3 AND extract(hour FROM l.local) >= 10
         AND EXISTS (SELECT 1 FROM "Gap" g WHERE g."memberId" = m.id AND g.status IN ('OPEN', 'PRACTICING'))`,
    ],
    [
      "Outbox channel posts",
      // Half a year of weekly posts and digests; this week's too where the workspace's moment came earlier.
      `INSERT INTO "Outbox" ${COLUMNS}
       SELECT pg_temp.bid(16 + post.n, w.k * 100 + week), w.id, NULL, post.kind, 'CHANNEL', 'CBENCH' || lpad(w.k::text, 4, '0'),
         jsonb_build_object('text', CASE post.kind
           WHEN 'weekly' THEN (${sql.encouragements})[1 + (w.k + week) % array_length(${sql.encouragements}, 1)]
           ELSE 'Wins this week: invitations, rounds held and people met. Well done, everyone.' END),
         post.kind || ':' || to_char(t.at AT TIME ZONE w.zone, 'IYYY-"W"IW'), 'SENT', 1, t.at, t.at, t.at
       FROM bench_workspace w
       CROSS JOIN (VALUES (0, 'weekly'), (1, 'digest')) post (n, kind)
       CROSS JOIN generate_series(0, 26) week
       CROSS JOIN LATERAL (SELECT ${NOW} - week * 7 * ${DAY} - ${HOUR} AS at) t
       WHERE week > 0 OR (post.kind = 'weekly' AND w.role = 13) OR (post.kind = 'digest' AND w.role = 15)`,
    ],
  ];
}
