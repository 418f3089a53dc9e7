/** Reads what follows the company in `apply`: the role, a job link, `applied <date>`, and whether the company's name ran on. */
import { parseWhen } from "../grammar/dates.ts";
import { invisibleOnly, normaliseName } from "../names.ts";
import { formatLocalDay } from "../time.ts";

export interface ApplyDetails {
  role: string | null;
  link: string | null;
  /** When the member said they applied; null for now. */
  appliedAt: Date | null;
}

// A job link as typed, or as Slack wraps it: <https://acme.jobs/1> or <https://acme.jobs/1|acme.jobs/1>.
const LINK = /^<?(https?:\/\/[^\s<>|]+)(?:\|[^>]*)?>?$/i;

/** `Backend https://acme.jobs/1 applied last monday`: the role, then the link, then the date, each optional. */
export function readApplyDetails(
  text: string | undefined,
  clock: { now: Date; timeZone: string },
): { ok: true; details: ApplyDetails } | { ok: false; problem: string } {
  let words = (text ?? "").split(/\s+/).filter((word) => word.length > 0);
  let appliedAt: Date | null = null;
  // The last "applied" whose words after it read as a date; otherwise "applied" is part of the role (Applied Scientist).
  for (let i = words.length - 2; i >= 0; i -= 1) {
    if (words[i]?.toLowerCase() !== "applied") continue;
    const said = words.slice(i + 1).join(" ");
    const when = parseWhen(said, clock.now, clock.timeZone);
    // A date the bot won't keep (2026-13-01, 1900-01-01) is refused, not taken as more of the role.
    if (!when.ok && when.refused) return { ok: false, problem: when.problem };
    if (!when.ok) continue;
    const sameDay = formatLocalDay(when.at, clock.timeZone) === formatLocalDay(clock.now, clock.timeZone);
    // "applied today" is today as it stands, not the hour a date without one is read at.
    appliedAt = sameDay && !when.hasTime ? clock.now : when.at;
    if (appliedAt > clock.now) {
      return {
        ok: false,
        problem: `"applied ${said}" is still to come. Give a day in the past, or leave it out for today.`,
      };
    }
    words = words.slice(0, i);
    break;
  }
  let link: string | null = null;
  const linkAt = words.findLastIndex((word) => LINK.test(word));
  if (linkAt >= 0) {
    link = LINK.exec(words[linkAt] as string)?.[1] ?? null;
    words = [...words.slice(0, linkAt), ...words.slice(linkAt + 1)];
  }
  const role = normaliseName(words.join(" "));
  if (role.length === 0 && words.length > 0) return { ok: false, problem: invisibleOnly("role") };
  return { ok: true, details: { role: role.length > 0 ? role : null, link, appliedAt } };
}

// Words that start or make up a role, so `apply Acme Backend Engineer` needs no question.
const ROLE_WORDS = new Set(
  [
    "engineer engineering developer dev programmer designer design manager management analyst analytics architect",
    "scientist researcher research consultant specialist administrator admin technician tester writer editor",
    "backend back-end frontend front-end fullstack full-stack full stack senior sr junior jr lead staff principal",
    "head director vp chief intern internship graduate trainee apprentice associate assistant coordinator officer",
    "executive owner product project program data software platform devops sre qa ux ui mobile ios android web",
    "cloud security ml ai machine learning site reliability infrastructure solutions support customer success",
    "sales marketing operations ops recruiter account embedded game test quality it technical tech remote",
    "part-time full-time contract freelance mid mid-level entry entry-level",
  ]
    .join(" ")
    .split(" "),
);

// Words that end a company's name in any case: `apply zeta labs` is more likely Zeta Labs than the role "labs".
const COMPANY_WORDS = new Set(
  "labs lab inc inc. corp corp. co co. ltd ltd. llc gmbh ag sa plc group holdings studios studio games bank capital partners ventures technologies systems media health foundation".split(
    " ",
  ),
);

/** Whether a bare word after a one-word company reads as more of its name rather than the start of a role. */
export function readsAsName(word: string): boolean {
  const lower = word.toLowerCase();
  if (COMPANY_WORDS.has(lower)) return true;
  return /^\p{Lu}/u.test(word) && !ROLE_WORDS.has(lower) && !LINK.test(word);
}

/**
 * How many of the role's first words may belong to the company's name instead: `apply Zeta Labs` splits as typed into
 * company "Zeta" and role "Labs", but "Labs" reads as a name, so apply asks. Only bare words count (`bareWords` is how
 * many were typed unquoted, the company included), so `apply Zeta "Labs"` and `apply "Zeta" Labs` are taken as typed.
 */
export function nameRunLength(roleText: string | undefined, bareWords: number): number {
  const words = (roleText ?? "").split(/\s+/).filter((word) => word.length > 0);
  const bare = words.slice(0, Math.max(0, bareWords - 1));
  const run = bare.findIndex((word) => !readsAsName(word) || word.toLowerCase() === "applied");
  return run === -1 ? bare.length : run;
}
