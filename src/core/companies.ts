/** Finds the member's application a typed company name means: exact, then unique prefix, else a helpful problem. */
import type { Application } from "./model.ts";
import { closest } from "./suggest.ts";

export type ApplicationMatch =
  | { ok: true; application: Application }
  | { ok: false; code: "company-not-found" | "company-ambiguous"; problem: string };

/** The key companies are matched and kept unique by. */
export function companyKey(company: string): string {
  return company.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Resolves `typed` among `applications`. */
export function matchApplication(applications: readonly Application[], typed: string): ApplicationMatch {
  const key = companyKey(typed);
  const exact = applications.find((application) => application.companyKey === key);
  if (exact) return { ok: true, application: exact };
  const prefixed = applications.filter((application) =>
    application.companyKey.split(" ").some((_, i, words) => words.slice(i).join(" ").startsWith(key)),
  );
  if (prefixed.length === 1) return { ok: true, application: prefixed[0] as Application };
  if (prefixed.length > 1) {
    const names = prefixed.map((application) => `"${application.company}"`).join(", ");
    return {
      ok: false,
      code: "company-ambiguous",
      problem: `"${typed}" could be ${names}. Type a little more of the name.`,
    };
  }
  const near = closest(
    typed,
    applications.map((application) => application.company),
  );
  const hint = near.length > 0 ? ` Did you mean ${near.map((name) => `"${name}"`).join(" or ")}?` : "";
  return {
    ok: false,
    code: "company-not-found",
    problem: `You aren't tracking "${typed}" yet.${hint} Start with \`apply "${typed}"\`.`,
  };
}
