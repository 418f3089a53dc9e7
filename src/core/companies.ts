/** Finds the member's application a typed company name means (exact, "Company (Role)", unique prefix), else says which could fit. */
import { memberText } from "./member-text.ts";
import type { Application } from "./model.ts";
import { normaliseName } from "./names.ts";
import { closest } from "./suggest.ts";

export type ApplicationMatch =
  | { ok: true; application: Application }
  | {
      ok: false;
      code: "company-not-found" | "company-ambiguous";
      problem: string;
      /** Names that each find one application when typed instead (ambiguous), or near misses (not found). */
      candidates: string[];
    };

/** How a "Company (Role)" name says an application has no role. */
export const NO_ROLE = "no role";

/** The key companies are matched and kept unique by: `Ac\u200Bme`, `ＡＣＭＥ` and `acme` are one company. */
export function companyKey(company: string): string {
  return normaliseName(company).toLowerCase();
}

/** The key roles are kept unique by within one company: "" for no role, so two applications without one collide. */
export function roleKey(role: string | null): string {
  return role === null ? "" : companyKey(role);
}

/** The name that finds exactly this application among `applications`: the company, or "Company (Role)" when it has several. */
export function nameOf(application: Application, applications: readonly Application[]): string {
  const sameCompany = applications.filter((other) => other.companyKey === application.companyKey);
  if (sameCompany.length <= 1) return application.company;
  return `${application.company} (${application.role ?? NO_ROLE})`;
}

/** Resolves `typed` among `applications`. */
export function matchApplication(applications: readonly Application[], typed: string): ApplicationMatch {
  const key = companyKey(typed);
  const exact = applications.filter((application) => application.companyKey === key);
  if (exact.length === 1) return { ok: true, application: exact[0] as Application };
  if (exact.length > 1) return ambiguous(typed, exact, applications);
  const withRole = matchCompanyAndRole(applications, typed);
  if (withRole) return { ok: true, application: withRole };
  const prefixed = applications.filter((application) =>
    application.companyKey.split(" ").some((_, i, words) => words.slice(i).join(" ").startsWith(key)),
  );
  if (prefixed.length === 1) return { ok: true, application: prefixed[0] as Application };
  if (prefixed.length > 1) return ambiguous(typed, prefixed, applications);
  const near = nearCompanies(applications, typed);
  if (near.length > 0) {
    return {
      ok: false,
      code: "company-not-found",
      problem: `You aren't tracking "${memberText(typed)}". Did you mean ${near.map((name) => `"${memberText(name)}"`).join(" or ")}?`,
      candidates: near,
    };
  }
  return {
    ok: false,
    code: "company-not-found",
    problem: `You aren't tracking "${memberText(typed)}" yet. Start with \`apply "${memberText(typed)}"\`.`,
    candidates: [],
  };
}

/** Tracked companies `typed` is a near typo of, whole (`Acme Crop`) or as their first words (`acmee` for "Acme Corp"). */
function nearCompanies(applications: readonly Application[], typed: string): string[] {
  const words = companyKey(typed).split(" ").length;
  const names = [...new Set(applications.map((application) => application.company))];
  const startOf = (name: string) => companyKey(name).split(" ").slice(0, words).join(" ");
  const starts = closest(typed, [...new Set(names.map(startOf))]);
  const near = [...closest(typed, names), ...names.filter((name) => starts.includes(startOf(name)))];
  return [...new Set(near)].slice(0, 3);
}

/** "Hooli (Backend)": the application at that company with that role, "(no role)" meaning none. */
function matchCompanyAndRole(applications: readonly Application[], typed: string): Application | undefined {
  const parts = /^(.+?)\s*\(([^()]*)\)\s*$/.exec(typed.trim());
  if (!parts) return undefined;
  const company = companyKey(parts[1] as string);
  const role = companyKey(parts[2] as string);
  const wanted = role === NO_ROLE ? "" : role;
  return applications.find((application) => application.companyKey === company && application.roleKey === wanted);
}

function ambiguous(
  typed: string,
  fits: readonly Application[],
  applications: readonly Application[],
): ApplicationMatch & { ok: false } {
  const candidates = fits.map((application) => nameOf(application, applications));
  const quoted = candidates.map((name) => `"${memberText(name)}"`);
  const list = `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
  const oneCompany = new Set(fits.map((application) => application.companyKey)).size === 1;
  const problem = oneCompany
    ? `Which ${memberText(fits[0]?.company ?? typed)}? It could be ${list}.`
    : `Which one do you mean by "${memberText(typed)}"? It could be ${list}. Pick one, or type a little more of the name.`;
  return {
    ok: false,
    code: "company-ambiguous",
    problem,
    candidates,
  };
}

/**
 * Companies the member tracks that a new name may mean: it starts one of their words (`acme` for "Acme Corp"), one of
 * them starts it (`Acme Corp` for "Acme"), or it is a near typo (`acmee`). Exact names are not similar, they are the same.
 */
export function similarCompanies(applications: readonly Application[], typed: string): string[] {
  const key = companyKey(typed);
  const names = new Map<string, string>();
  for (const application of applications) names.set(application.companyKey, application.company);
  if (names.has(key)) return [];
  const near = new Set(nearCompanies(applications, typed).map(companyKey));
  return [...names.entries()]
    .filter(
      ([other]) =>
        other.split(" ").some((_, i, words) => words.slice(i).join(" ").startsWith(key)) ||
        key.startsWith(`${other} `) ||
        near.has(other),
    )
    .map(([, company]) => company)
    .slice(0, 3);
}
