/** How a member gave a command, kept so a reply can offer the same command again on another company (a button's line). */
import { quoteWord } from "../confirm.ts";
import type { ArgSpec } from "./spec.ts";

/** What a handler knows of how its command was given, beyond the values it was parsed into. */
export interface Said {
  /**
   * The member's command again as a line with its company argument replaced: what "Which Hooli?" and "Did you mean
   * Acme Corp?" buttons run. Without a company argument, the command as given.
   */
  retry(company: string): string;
  /**
   * How many words right after the command were typed bare (not quoted) before any quoted one: `apply Zeta Labs` has
   * 2, so `Zeta` and `Labs` may have been meant as one name. 0 for named values (Discord options), each one value.
   */
  bareWords: number;
}

/** From a text line's words after the command name (confirmation taken off) and which of them had quotes. */
export function saidInWords(
  command: { name: string; args: readonly ArgSpec[] },
  words: readonly string[],
  quoted: readonly boolean[],
): Said {
  const bare = quoted.findIndex((wasQuoted) => wasQuoted);
  // The company comes first wherever a command takes one, so it is the first word.
  const companyFirst = command.args[0]?.kind === "company";
  return {
    bareWords: bare === -1 ? words.length : bare,
    retry(company) {
      const again = words.map((word, index) => quoteWord(index === 0 && companyFirst ? company : word));
      return [command.name, ...again].join(" ");
    },
  };
}

/** Named values as the text line that runs the same command, in the order the arguments are read. */
export function lineOfValues(
  name: string,
  specs: readonly ArgSpec[],
  values: Readonly<Record<string, string | number | undefined>>,
): string {
  const given = specs.flatMap((spec) => {
    const value = values[spec.name];
    return value === undefined || value === "" ? [] : [quoteWord(String(value))];
  });
  return [name, ...given].join(" ");
}

/** From named values (Discord options), written back as a text line in the order the arguments are read. */
export function saidInValues(
  name: string,
  specs: readonly ArgSpec[],
  values: Readonly<Record<string, string | number | undefined>>,
): Said {
  const company = specs.find((spec) => spec.kind === "company")?.name;
  return {
    bareWords: 0,
    retry: (replacement) => lineOfValues(name, specs, company ? { ...values, [company]: replacement } : values),
  };
}
