/**
 * The seeder's pipeline tables, generated set-wise: workspaces, members, ~10 applications and ~20 rounds per member,
 * feedback requests, reflections and gaps. Plan tables (temporary) decide each row's story once; inserts project them.
 */
import { OPTIONAL_KINDS } from "../src/jobs/rules.ts";
import type { SeedSql } from "./seed.ts";

const DAY = "interval '1 day'";
const HOUR = "interval '1 hour'";

const COMPANIES =
  "Acme|Globex|Initech|Umbrella|Hooli|Stark Industries|Wayne Enterprises|Wonka|Cyberdyne|Tyrell|Soylent|Vandelay|Dunder Mifflin|Pied Piper|Aperture|Black Mesa|Massive Dynamic|Oscorp|Gringotts|Monsters Inc|Prestige Worldwide|Sterling Cooper|Bluth|Krusty Krab|Planet Express|Vehement|Gekko|Nakatomi|Weyland|Rekall|Duff|Kramerica|Dharma|Virtucon|Spacely|Cogswell|Ollivanders|Paper Street|Strickland|Contoso|Fabrikam|Northwind|Tailspin|Litware|Adatum|Proseware|Lucerne|Wingtip|Woodgrove|Fourth Coffee".split(
    "|",
  );
const ROLES = "Backend Engineer|Frontend Engineer|Staff Engineer|Data Engineer|SRE|Product Engineer".split("|");
const FIRST_NAMES =
  "Ada|Ben|Cal|Dana|Eli|Fay|Gus|Hana|Ivo|Jo|Kai|Lena|Milo|Nia|Omar|Pia|Quinn|Rosa|Sam|Tess|Uma|Vic|Wren|Xia|Yuri|Zoe|Ari|Bea|Cy|Dev|Emi|Finn|Gia|Hal|Isa|Jin|Kit|Lou|Max|Noor".split(
    "|",
  );
const PEOPLE =
  "Dana, the staff engineer|Sam (recruiter)|Priya - hiring manager|Tom, a senior engineer|Lee|Marta, the engineering manager|Chris (tech lead)|Nadia".split(
    "|",
  );
const LEARNINGS =
  "They care a lot about on-call experience|Practise talking through trade-offs out loud|Their stack is mostly Go and Postgres|Ask about team size earlier|Brush up on rate limiting designs|Behavioural answers need a clearer result|They liked the take-home tests".split(
    "|",
  );
const TOPICS =
  "system design: caching|SQL window functions|behavioural: conflict stories|graph algorithms|dynamic programming|Kubernetes basics|API pagination|concurrency in Go|estimation questions|React performance|TLS and certificates|talking about salary".split(
    "|",
  );
const FEEDBACK =
  "They wanted deeper system design experience.|Strong coding, but the behavioural round felt thin.|Another candidate had more domain experience.|Great communication; they'd like to talk again next year.".split(
    "|",
  );
const LATER_STAGES = "TECHNICAL|SYSTEM_DESIGN|BEHAVIORAL|ONSITE|FINAL".split("|");

function array(values: readonly string[]): string {
  return `(ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ")}])`;
}

/** `values[1 + floor(u * length)]` in SQL. */
function pick(values: readonly string[], u: string): string {
  return `(${array(values)})[1 + floor(${values.length} * ${u})::int]`;
}

/** [label, statement] in execution order. */
export function pipelineStatements(sql: SeedSql): [string, string][] {
  const NOW = sql.now;
  return [
    [
      "plan workspaces",
      // Roles by k % 20: 3 digest due, 15 digest already posted, 7 weekly post due, 13 weekly already posted,
      // 11 weekly post switched off, 19 purge due, 18 purge scheduled later. Zones vary within a role.
      `CREATE TEMP TABLE bench_workspace ON COMMIT DROP AS
       SELECT k, pg_temp.bid(1, k) AS id, k % 20 AS role, (${sql.zones})[1 + (k + k / 20) % 20] AS zone
       FROM generate_series(0, ${sql.workspaces - 1}) k`,
    ],
    [
      "Workspace",
      `INSERT INTO "Workspace" (id, platform, "externalId", name, "celebrationChannel", "defaultTimezone",
         "feedbackChaseDays", "silenceDays", "weeklyEncouragement", "weeklyDay", "weeklyHour", "digestDay", "digestHour",
         "deletionScheduledAt", "createdAt")
       SELECT w.id, 'SLACK', 'TBENCH' || lpad(w.k::text, 4, '0'), 'Job Hunt Circle ' || w.k, 'CBENCH' || lpad(w.k::text, 4, '0'),
         w.zone, 3, 10, w.role <> 11,
         CASE WHEN w.role IN (7, 13) THEN extract(dow FROM l.local)::int ELSE 1 END,
         CASE WHEN w.role IN (7, 13) THEN least(9, extract(hour FROM l.local)::int) ELSE 9 END,
         CASE WHEN w.role IN (3, 15) THEN extract(dow FROM l.local)::int ELSE 5 END,
         CASE WHEN w.role IN (3, 15) THEN least(16, extract(hour FROM l.local)::int) ELSE 16 END,
         CASE w.role WHEN 19 THEN ${NOW} - ${HOUR} WHEN 18 THEN ${NOW} + 20 * ${DAY} END,
         ${NOW} - 200 * ${DAY}
       FROM bench_workspace w CROSS JOIN LATERAL (SELECT ${NOW} AT TIME ZONE w.zone AS local) l`,
    ],
    [
      "plan members",
      // Due flags pick who each job should find due; the practice flag only matters for members in their Wednesday window.
      `CREATE TEMP TABLE bench_member ON COMMIT DROP AS
       SELECT i, pg_temp.bid(2, i) AS id, w.id AS ws_id, t.tz, coalesce(t.tz, w.zone) AS zone,
         pg_temp.rnd(i, 3) < 0.05 AS due_feedback, pg_temp.rnd(i, 4) < 0.05 AS due_silence,
         pg_temp.rnd(i, 5) < 0.05 AS due_prep, pg_temp.rnd(i, 6) < 0.05 AS due_reflection,
         pg_temp.rnd(i, 7) < 0.13 AS due_practice, pg_temp.rnd(i, 8) < 0.01 AS recently_rejected
       FROM generate_series(0, ${sql.members - 1}) i
       JOIN bench_workspace w ON w.k = i % ${sql.workspaces}
       CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.rnd(i, 1) < 0.1 THEN NULL
         ELSE (${sql.zones})[1 + floor(20 * pg_temp.rnd(i, 2))::int] END AS tz) t`,
    ],
    [
      "Member",
      `INSERT INTO "Member" (id, "workspaceId", "externalId", "displayName", timezone, sharing, "pausedUntil", "optOuts", "createdAt")
       SELECT m.id, m.ws_id, 'UBENCH' || lpad(to_hex(m.i), 8, '0'),
         ${array(FIRST_NAMES)}[1 + m.i % ${FIRST_NAMES.length}] || ' ' || chr(65 + (m.i / ${FIRST_NAMES.length}) % 26) || '.',
         m.tz,
         (CASE WHEN pg_temp.rnd(m.i, 9) < 0.7 THEN 'ON' WHEN pg_temp.rnd(m.i, 9) < 0.85 THEN 'COMPANY' ELSE 'OFF' END)::"Sharing",
         CASE WHEN pg_temp.rnd(m.i, 10) < 0.02 THEN ${NOW} + 3 * ${DAY} END,
         CASE WHEN pg_temp.rnd(m.i, 11) < 0.03 THEN ARRAY[${pick(OPTIONAL_KINDS, "pg_temp.rnd(m.i, 12)")}] ELSE ARRAY[]::text[] END,
         ${NOW} - (180 + 30 * pg_temp.rnd(m.i, 13)) * ${DAY}
       FROM bench_member m`,
    ],
    ["plan applications", planApplications(sql)],
    [
      "Application",
      `INSERT INTO "Application" (id, "workspaceId", "memberId", company, "companyKey", role, "roleKey", status,
         "appliedAt", "lastActivityAt", "statusChangedAt", impression, "createdAt")
       SELECT p.id, p.ws_id, p.member_id, c.company, lower(c.company), ${pick(ROLES, "pg_temp.rnd(p.a, 60)")},
         lower(${pick(ROLES, "pg_temp.rnd(p.a, 60)")}),
         p.status::"ApplicationStatus", p.applied, p.last_activity, p.status_changed,
         CASE WHEN pg_temp.rnd(p.a, 61) < 0.4 THEN 1 + floor(5 * pg_temp.rnd(p.a, 62))::int END, p.applied
       FROM bench_application p
       -- (i * 7 + j * 13) % 50 differs for j = 0..9, so a member never applies twice to one company.
       CROSS JOIN LATERAL (SELECT ${array(COMPANIES)}[1 + (p.i * 7 + p.j * 13) % ${COMPANIES.length}] AS company) c`,
    ],
    ["Round", insertRounds(sql)],
    [
      "ApplicationNews",
      // What the triggers keep: the latest of the application's activity and its rounds' times.
      `INSERT INTO "ApplicationNews" ("applicationId", "lastNewsAt")
       SELECT a.id, greatest(a."lastActivityAt", r.scheduled, r.held) FROM "Application" a
       LEFT JOIN (SELECT "applicationId", max("scheduledAt") AS scheduled, max("heldAt") AS held FROM "Round" GROUP BY 1) r
         ON r."applicationId" = a.id`,
    ],
    ["FeedbackRequest", insertFeedbackRequests(sql)],
    [
      "Reflection",
      // Half the rounds held get a reflection; its id is the round's with another kind prefix.
      `INSERT INTO "Reflection" (id, "workspaceId", "memberId", "applicationId", "roundId", "personMet", learned, "createdAt")
       SELECT '00000006' || substr(r.id, 9), r."workspaceId", p.member_id, p.id, r.id,
         CASE WHEN pg_temp.rnd(h.n, 71) < 0.6 THEN ${pick(PEOPLE, "pg_temp.rnd(h.n, 72)")} END,
         CASE WHEN pg_temp.rnd(h.n, 73) < 0.7 THEN ${pick(LEARNINGS, "pg_temp.rnd(h.n, 74)")} END,
         least(${NOW}, r."heldAt" + 3 * ${HOUR})
       FROM "Round" r JOIN bench_application p ON p.id = r."applicationId"
       CROSS JOIN LATERAL (SELECT hashtext(r.id)::bigint AS n) h
       WHERE r."heldAt" IS NOT NULL AND pg_temp.rnd(h.n, 70) < 0.5`,
    ],
    [
      "Gap",
      `INSERT INTO "Gap" (id, "workspaceId", "memberId", "applicationId", number, topic, status, "createdAt", "updatedAt")
       SELECT pg_temp.bid(7, m.i::bigint * 5 + g), m.ws_id, m.id,
         CASE WHEN pg_temp.rnd(m.i * 5 + g, 81) < 0.5 THEN pg_temp.bid(3, m.i::bigint * 10 + (g * 3) % 10) END,
         g + 1, ${pick(TOPICS, "pg_temp.rnd(m.i * 5 + g, 82)")},
         (CASE WHEN pg_temp.rnd(m.i * 5 + g, 83) < 0.4 THEN 'OPEN' WHEN pg_temp.rnd(m.i * 5 + g, 83) < 0.6 THEN 'PRACTICING'
           ELSE 'DONE' END)::"GapStatus",
         c.created, c.created + pg_temp.rnd(m.i * 5 + g, 85) * (${NOW} - c.created)
       FROM bench_member m CROSS JOIN generate_series(0, 4) g
       CROSS JOIN LATERAL (SELECT ${NOW} - (5 + 170 * pg_temp.rnd(m.i * 5 + g, 84)) * ${DAY} AS created) c
       WHERE g < floor(6 * pg_temp.rnd(m.i, 80))`,
    ],
  ];
}

/**
 * One row per application with its story: kind (background, or the due case it was made for), status, when it was
 * applied to, closed and last touched, and when its two rounds are. Background stories never fall due: the history
 * statements record what earlier runs of the jobs would already have sent for them.
 */
function planApplications(sql: SeedSql): string {
  const NOW = sql.now;
  return `CREATE TEMP TABLE bench_application ON COMMIT DROP AS
    SELECT m.i, j, ai.a, pg_temp.bid(3, ai.a) AS id, m.id AS member_id, m.ws_id, m.zone, k.kind, s.status,
      ap.applied, r.r0_at, r.r1_at,
      CASE WHEN s.status <> 'ACTIVE' THEN e.span_end
        WHEN k.kind = 'silence' THEN p.pinned
        WHEN k.kind IN ('prep', 'reflection') THEN ${NOW} - (1 + 5 * u.u8) * ${DAY}
        ELSE greatest(ap.applied, CASE WHEN r.r0_at <= ${NOW} THEN r.r0_at END, CASE WHEN r.r1_at <= ${NOW} THEN r.r1_at END,
          CASE WHEN u.u9 < 0.3 THEN ap.applied + u.u10 * (${NOW} - ap.applied) END)
      END AS last_activity,
      CASE WHEN s.status = 'ACTIVE' THEN ap.applied ELSE e.span_end END AS status_changed
    FROM bench_member m
    CROSS JOIN generate_series(0, 9) j
    CROSS JOIN LATERAL (SELECT m.i::bigint * 10 + j AS a) ai
    CROSS JOIN LATERAL (SELECT pg_temp.rnd(ai.a, 21) AS u1, pg_temp.rnd(ai.a, 22) AS u2, pg_temp.rnd(ai.a, 23) AS u3,
      pg_temp.rnd(ai.a, 24) AS u4, pg_temp.rnd(ai.a, 25) AS u5, pg_temp.rnd(ai.a, 26) AS u6, pg_temp.rnd(ai.a, 27) AS u7,
      pg_temp.rnd(ai.a, 28) AS u8, pg_temp.rnd(ai.a, 29) AS u9, pg_temp.rnd(ai.a, 30) AS u10) u
    CROSS JOIN LATERAL (SELECT CASE
      WHEN j = 0 AND m.due_feedback THEN CASE WHEN u.u1 < 0.8 THEN 'feedback' ELSE 'feedback-asked' END
      WHEN j = 1 AND m.due_silence THEN 'silence'
      WHEN j = 2 AND m.due_prep THEN 'prep'
      WHEN j = 3 AND m.due_reflection THEN 'reflection'
      WHEN j = 4 AND m.recently_rejected THEN 'recent-rejection'
      ELSE 'background' END AS kind) k
    -- Half the applications stay open; the others close 1-8 weeks after applying, unless that is still ahead.
    CROSS JOIN LATERAL (SELECT 1 + 179 * u.u1 AS age, 7 + 50 * u.u5 AS duration) g
    CROSS JOIN LATERAL (SELECT CASE
      WHEN k.kind IN ('feedback', 'feedback-asked', 'recent-rejection') THEN 'REJECTED'
      WHEN k.kind <> 'background' OR u.u2 < 0.50 OR g.age < g.duration THEN 'ACTIVE'
      WHEN u.u2 < 0.80 THEN 'REJECTED' WHEN u.u2 < 0.87 THEN 'GHOSTED'
      WHEN u.u2 < 0.91 THEN 'WITHDRAWN' WHEN u.u2 < 0.97 THEN 'OFFER' ELSE 'ACCEPTED' END AS status) s
    -- Due cases pin one moment: the rejection (feedback) or the last news (silence).
    CROSS JOIN LATERAL (SELECT CASE k.kind
      WHEN 'feedback' THEN ${NOW} - (3 + 0.95 * u.u3) * ${DAY}
      WHEN 'feedback-asked' THEN ${NOW} - (9 + 3 * u.u3) * ${DAY}
      WHEN 'recent-rejection' THEN ${NOW} - (1 + 20 * u.u3) * ${HOUR}
      WHEN 'silence' THEN ${NOW} - (10 + 0.9 * u.u3) * ${DAY} END AS pinned) p
    CROSS JOIN LATERAL (SELECT CASE
      WHEN k.kind = 'background' THEN ${NOW} - g.age * ${DAY}
      WHEN k.kind IN ('prep', 'reflection') THEN ${NOW} - (20 + 40 * u.u4) * ${DAY}
      ELSE p.pinned - (15 + 45 * u.u4) * ${DAY} END AS applied) ap
    -- Rounds fall inside [applied, span_end]: the closing date, or two weeks ahead for active applications.
    CROSS JOIN LATERAL (SELECT CASE
      WHEN p.pinned IS NOT NULL THEN p.pinned
      WHEN s.status = 'ACTIVE' THEN ${NOW} + 14 * ${DAY}
      ELSE ap.applied + g.duration * ${DAY} END AS span_end) e
    CROSS JOIN LATERAL (SELECT ${NOW} AT TIME ZONE m.zone AS local) l
    CROSS JOIN LATERAL (SELECT
      CASE WHEN k.kind IN ('prep', 'reflection') THEN ap.applied + 5 * ${DAY}
        ELSE ap.applied + (0.1 + 0.3 * u.u6) * (e.span_end - ap.applied) END AS r0_at,
      CASE k.kind
        WHEN 'reflection' THEN ${NOW} - (3 + 3 * u.u7) * ${HOUR}
        -- Due for a prep reminder: tomorrow daytime once the local evening has come, else later today.
        WHEN 'prep' THEN (CASE WHEN extract(hour FROM l.local) >= 17
            THEN l.local::date + 1 + time '10:00' + 6 * u.u7 * ${HOUR}
            ELSE l.local::date + make_time(greatest(extract(hour FROM l.local)::int + 3, 10), 0, 0) + floor(3 * u.u7) * ${HOUR}
          END) AT TIME ZONE m.zone
        ELSE ap.applied + (0.45 + 0.5 * u.u7) * (e.span_end - ap.applied) END AS r1_at) r`;
}

/** Two rounds per application: a screen and a later stage; future ones pending, past ones mostly held and decided. */
function insertRounds(sql: SeedSql): string {
  const NOW = sql.now;
  return `INSERT INTO "Round" (id, "workspaceId", "applicationId", stage, "scheduledAt", "heldAt", outcome, "outcomeAt", "createdAt")
    SELECT pg_temp.bid(4, p.a * 2 + n), p.ws_id, p.id,
      (CASE WHEN n = 0 THEN 'SCREEN' ELSE ${pick(LATER_STAGES, "r.v")} END)::"Stage",
      CASE WHEN c.scheduled THEN r.at END,
      CASE WHEN c.future OR (p.kind = 'reflection' AND n = 1)
          OR (o.outcome = 'PENDING' AND c.scheduled AND p.kind = 'background' AND r.x < 0.15) THEN NULL
        ELSE r.at END,
      o.outcome::"RoundOutcome",
      CASE o.outcome WHEN 'PENDING' THEN NULL WHEN 'NEXT_STEP' THEN least(${NOW}, r.at + (1 + 3 * r.x) * ${DAY})
        ELSE p.status_changed END,
      least(${NOW}, greatest(p.applied, CASE WHEN c.scheduled THEN r.at - (1 + 6 * r.w) * ${DAY} ELSE r.at END))
    FROM bench_application p
    CROSS JOIN generate_series(0, 1) n
    CROSS JOIN LATERAL (SELECT CASE n WHEN 0 THEN p.r0_at ELSE p.r1_at END AS at, pg_temp.rnd(p.a * 2 + n, 31) AS v,
      pg_temp.rnd(p.a * 2 + n, 32) AS w, pg_temp.rnd(p.a * 2 + n, 33) AS x) r
    CROSS JOIN LATERAL (SELECT r.at > ${NOW} AS future,
      r.at > ${NOW} OR p.kind <> 'background' OR r.v < 0.8 AS scheduled) c
    CROSS JOIN LATERAL (SELECT CASE
      WHEN c.future THEN 'PENDING'
      WHEN n = 0 THEN 'NEXT_STEP'
      WHEN p.status = 'REJECTED' THEN 'REJECTED'
      WHEN p.status IN ('OFFER', 'ACCEPTED') THEN 'NEXT_STEP'
      WHEN p.status = 'GHOSTED' THEN 'NO_RESPONSE'
      WHEN p.status = 'ACTIVE' AND p.kind = 'background' AND r.w < 0.3 THEN 'NEXT_STEP'
      ELSE 'PENDING' END AS outcome) o`;
}

/**
 * Every rejection has a feedback request. Old background ones are settled or waiting in ways that are not due
 * (received, given up, chased and ignored, snoozed into the future, asked less than a week ago, chased twice).
 */
function insertFeedbackRequests(sql: SeedSql): string {
  const NOW = sql.now;
  return `INSERT INTO "FeedbackRequest" (id, "workspaceId", "applicationId", state, "askedAt", "receivedAt", feedback,
      "chaseCount", "snoozedUntil", "createdAt")
    SELECT pg_temp.bid(5, p.a), p.ws_id, p.id, s.state::"FeedbackState", a.asked_at,
      CASE WHEN s.state = 'RECEIVED' THEN a.asked_at + r.v * (${NOW} - a.asked_at) END,
      CASE WHEN s.state = 'RECEIVED' THEN ${pick(FEEDBACK, "r.v")} END,
      CASE
        WHEN p.kind = 'feedback-asked' THEN CASE WHEN r.v < 0.5 THEN 0 ELSE 1 END
        WHEN p.kind <> 'background' OR r.age < 3 * ${DAY} THEN 0
        WHEN s.state = 'ASKED' THEN CASE WHEN ${NOW} - a.asked_at >= 7 * ${DAY} THEN 2 ELSE 1 END
        WHEN s.state = 'NOT_ASKED' AND r.u >= 0.75 THEN 2
        ELSE 1 END,
      CASE WHEN p.kind = 'background' AND r.age >= 3 * ${DAY} AND r.u >= 0.70 AND r.u < 0.75
        THEN ${NOW} + (1 + 5 * r.v) * ${DAY} END,
      p.status_changed
    FROM bench_application p
    CROSS JOIN LATERAL (SELECT pg_temp.rnd(p.a, 41) AS u, pg_temp.rnd(p.a, 42) AS v, ${NOW} - p.status_changed AS age) r
    CROSS JOIN LATERAL (SELECT CASE
      WHEN p.kind IN ('feedback', 'recent-rejection') THEN 'NOT_ASKED'
      WHEN p.kind = 'feedback-asked' THEN 'ASKED'
      WHEN r.age < 3 * ${DAY} THEN CASE WHEN r.u < 0.7 THEN 'NOT_ASKED' ELSE 'ASKED' END
      WHEN r.u < 0.20 THEN 'RECEIVED' WHEN r.u < 0.35 THEN 'GAVE_UP' WHEN r.u < 0.80 THEN 'NOT_ASKED'
      ELSE 'ASKED' END AS state) s
    CROSS JOIN LATERAL (SELECT CASE
      WHEN p.kind = 'feedback-asked' THEN ${NOW} - (7 + 0.9 * r.v) * ${DAY}
      WHEN s.state = 'ASKED' AND r.age < 3 * ${DAY} THEN p.status_changed + r.v * r.age
      WHEN s.state IN ('ASKED', 'RECEIVED') THEN p.status_changed + 3 * ${DAY} + r.v * (r.age - 3 * ${DAY})
      END AS asked_at) a
    WHERE p.status = 'REJECTED'`;
}
