/** The fields `edit` corrects: how a typed value is read for each, and how each is shown back. */
import { memberText } from "../member-text.ts";
import type { Application } from "../model.ts";
import { invisibleOnly, normaliseName } from "../names.ts";
import type { ApplicationPatch } from "../ports.ts";
import { formatLocalDay } from "../time.ts";
import { type ApplicationField, type ArgResult, type ParseContext, parseArg } from "./arg-kinds.ts";

export const MAX_SOURCE_LENGTH = 200;

/** The word that clears an optional field. */
const NONE = /^(?:none|-)$/i;

/** What the member calls each field in a reply. */
export const FIELD_WORDS: Record<ApplicationField, string> = {
  company: "company",
  role: "role",
  link: "link",
  source: "source",
  applied: "applied date",
};

/** The field as the member reads it. */
export function showField(application: Application, field: ApplicationField, timeZone: string): string {
  if (field === "applied") return formatLocalDay(application.appliedAt, timeZone);
  const value = application[field];
  return value === null ? "(none)" : `"${memberText(value)}"`;
}

/**
 * A link as typed, or as Slack hands it over with escaping on (`<https://…>` or `<https://…|label>`), when it is a
 * web address.
 */
export function readLink(raw: string): ArgResult<string> {
  const text = raw
    .trim()
    .replace(/^<([^|>]*)(?:\|[^>]*)?>$/, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === "https:" || url.protocol === "http:") && url.hostname && !/\s/.test(text)) {
    return { ok: true, value: text };
  }
  return {
    ok: false,
    problem: `"${memberText(raw)}" doesn't look like a web address. Links start with https://, or say none.`,
  };
}

/** The patch that sets `field` to the typed `value`, or why it can't. */
export function readFieldValue(
  application: Application,
  field: ApplicationField,
  value: string,
  context: ParseContext,
): ArgResult<ApplicationPatch> {
  const clearing = NONE.test(value.trim());
  switch (field) {
    case "company": {
      if (clearing) return { ok: false, problem: "An application needs a company name." };
      const company = parseArg("company", value, context);
      return company.ok ? { ok: true, value: { company: company.value } } : company;
    }
    case "role": {
      if (clearing) return { ok: true, value: { role: null } };
      const role = normaliseName(value);
      return role.length > 0 ? { ok: true, value: { role } } : { ok: false, problem: invisibleOnly("role") };
    }
    case "link": {
      if (clearing) return { ok: true, value: { link: null } };
      const link = readLink(value);
      return link.ok ? { ok: true, value: { link: link.value } } : link;
    }
    case "source": {
      if (clearing) return { ok: true, value: { source: null } };
      const source = value.trim();
      if (source.length > MAX_SOURCE_LENGTH) {
        return {
          ok: false,
          problem: `Keep the source to ${MAX_SOURCE_LENGTH} characters, like "a referral from Sam".`,
        };
      }
      return { ok: true, value: { source } };
    }
    case "applied":
      return readAppliedDate(application, value, context);
  }
}

/** A new applied date: read in the member's zone, never in the future; the clocks that started with it move too. */
function readAppliedDate(application: Application, value: string, context: ParseContext): ArgResult<ApplicationPatch> {
  const when = parseArg("when", value, context);
  if (!when.ok) return when;
  const { now, timeZone } = context;
  // A day without a time reads as 09:00; said before nine on that very day, it still means today.
  const today = !when.value.hasTime && formatLocalDay(when.value.at, timeZone) === formatLocalDay(now, timeZone);
  const appliedAt = today && when.value.at > now ? now : when.value.at;
  if (appliedAt > now) {
    return {
      ok: false,
      problem: `${formatLocalDay(appliedAt, timeZone)} is still to come. Give the day you applied, with its year if it was long ago (2026-11-03).`,
    };
  }
  const patch: ApplicationPatch = { appliedAt };
  // Nothing has happened since applying: the application's quiet spell starts from the real day.
  const same = (at: Date) => at.getTime() === application.appliedAt.getTime();
  if (same(application.lastActivityAt)) patch.lastActivityAt = appliedAt;
  if (application.status === "ACTIVE" && same(application.statusChangedAt)) patch.statusChangedAt = appliedAt;
  return { ok: true, value: patch };
}
