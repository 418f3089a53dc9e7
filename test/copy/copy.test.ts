/** The message library: every variant is filled, varied, plain, kind in tone and written by this project. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CelebrationKind } from "../../src/core/copy/celebrations.ts";
import * as celebrations from "../../src/core/copy/celebrations.ts";
import * as encouragement from "../../src/core/copy/encouragement.ts";
import { commandArgument, describeDays, describeStage, listInWords } from "../../src/core/copy/phrases.ts";
import { pickUnused, pickVariant } from "../../src/core/copy/pick.ts";
import * as prompts from "../../src/core/copy/prompts.ts";
import * as templates from "../../src/core/copy/templates.ts";
import { WEEKLY_ENCOURAGEMENTS } from "../../src/core/copy/weekly.ts";

import { withoutMarks } from "../../src/core/member-text.ts";

/** A copy function as a member reads its text: the member-text marks (member-text.ts) are the renderers' business. */
const asRead =
  <A extends unknown[]>(write: (...args: A) => string) =>
  (...args: A): string =>
    withoutMarks(write(...args));
const celebrationForChannel = asRead(celebrations.celebrationForChannel);
const congratulationForMember = asRead(celebrations.congratulationForMember);
const rejectionEncouragement = asRead(encouragement.rejectionEncouragement);
const { digestIntro } = prompts;
const practiceNudge = asRead(prompts.practiceNudge);
const prepReminder = asRead(prompts.prepReminder);
const reflectionPrompt = asRead(prompts.reflectionPrompt);
const silenceNudge = asRead(prompts.silenceNudge);
const checkInTemplate = asRead(templates.checkInTemplate);
const feedbackChaseIntro = asRead(templates.feedbackChaseIntro);
const feedbackRequestTemplate = asRead(templates.feedbackRequestTemplate);

const KINDS: readonly CelebrationKind[] = ["invitation", "offer", "accepted"];
const STAGES: readonly (string | null)[] = [null, "TECHNICAL", "SYSTEM_DESIGN", "APPLIED", "pair programming"];
const SEEDS = Array.from({ length: 400 }, (_, i) => `member-${i}:2024-W${i % 52}`);

/** Every distinct text a seeded message function produces over many seeds. */
function variantsOf(message: (seed: string) => string): string[] {
  return [...new Set(SEEDS.map(message))];
}

/** Every text the library can produce for a spread of inputs, for the checks that apply to all copy. */
function everyGeneratedText(): string[] {
  const texts: string[] = [...WEEKLY_ENCOURAGEMENTS];
  for (const kind of KINDS) {
    for (const stage of STAGES) {
      for (const company of [null, "Acme"]) {
        texts.push(...variantsOf((s) => celebrationForChannel({ memberName: "Sam", company, stage, kind }, s)));
      }
      texts.push(...variantsOf((s) => congratulationForMember({ company: "Acme", stage, kind }, s)));
    }
  }
  for (const stage of STAGES) {
    texts.push(...variantsOf((s) => rejectionEncouragement({ company: "Acme", stage }, s)));
    texts.push(...variantsOf((s) => reflectionPrompt({ company: "Acme", stage }, s)));
    for (const gaps of [[], ["graphs"], ["graphs", "SQL joins", "caching", "recursion"]]) {
      texts.push(
        ...variantsOf((s) => prepReminder({ company: "Acme", stage, whenLocal: "Thursday at 14:00", gaps }, s)),
      );
    }
    for (const interviewer of [null, "Dana"]) {
      for (const role of [null, "Backend Engineer"]) {
        texts.push(feedbackRequestTemplate({ company: "Acme", interviewer, memberName: "Sam", role, stage }));
      }
    }
  }
  for (const daysSilent of [1, 5, 12, 30]) {
    texts.push(...variantsOf((s) => silenceNudge({ company: "Acme", daysSilent }, s)));
    for (const contact of [null, "Dana"]) {
      for (const role of [null, "Backend Engineer"]) {
        texts.push(checkInTemplate({ company: "Acme", contact, memberName: "Sam", role, daysSilent }));
      }
    }
  }
  for (const chaseNumber of [1, 2] as const) {
    texts.push(...variantsOf((s) => feedbackChaseIntro({ company: "Acme", chaseNumber }, s)));
  }
  texts.push(...variantsOf((s) => practiceNudge({ topic: "dynamic programming" }, s)));
  texts.push(...variantsOf(digestIntro));
  return [...new Set(texts)];
}

const ALL_TEXTS = everyGeneratedText();

describe("pickVariant", () => {
  it("GIVEN the same seed THEN it picks the same variant every time", () => {
    const variants = ["a", "b", "c", "d", "e", "f", "g"];
    for (const seed of SEEDS) expect(pickVariant(variants, seed)).toBe(pickVariant(variants, seed));
  });

  it("GIVEN many seeds THEN every variant of lists from 1 to 16 long gets picked", () => {
    for (let length = 1; length <= 16; length++) {
      const variants = Array.from({ length }, (_, i) => i);
      const picked = new Set(SEEDS.map((seed) => pickVariant(variants, seed)));
      expect(picked.size).toBe(length);
    }
  });

  it("GIVEN no variants THEN it refuses", () => {
    expect(() => pickVariant([], "seed")).toThrow(RangeError);
  });
});

describe("pickUnused", () => {
  it("GIVEN recent indexes THEN it never returns one of them while others are free", () => {
    for (const seed of SEEDS) {
      const index = pickUnused(10, [2, 5, 7, 0], seed);
      expect([1, 3, 4, 6, 8, 9]).toContain(index);
      expect(pickUnused(10, [2, 5, 7, 0], seed)).toBe(index);
    }
  });

  it("GIVEN one free index THEN it returns that one", () => {
    expect(pickUnused(4, [0, 1, 3], "any")).toBe(2);
  });

  it("GIVEN every index used lately THEN it repeats the one used longest ago", () => {
    expect(pickUnused(3, [1, 2, 0, 2], "any")).toBe(1);
  });

  it("GIVEN a history longer than the list THEN free indexes still spread over the seeds", () => {
    const picked = new Set(SEEDS.map((seed) => pickUnused(32, [0, 1, 2, 3], seed)));
    expect(picked.size).toBe(28);
  });

  it("GIVEN a count below one THEN it refuses", () => {
    expect(() => pickUnused(0, [], "seed")).toThrow(RangeError);
  });
});

describe("phrases", () => {
  it("GIVEN stages THEN they read as words", () => {
    expect(describeStage("SYSTEM_DESIGN")).toBe("system design interview");
    expect(describeStage("LIVE_CODING")).toBe("live coding");
    expect(describeStage("pair programming")).toBe("pair programming");
    expect(describeStage(null)).toBeNull();
    expect(describeStage("  ")).toBeNull();
  });

  it("GIVEN days and lists THEN they read as words", () => {
    expect([1, 5, 13, 30].map(describeDays)).toEqual(["a day", "5 days", "13 days", "about 4 weeks"]);
    expect(listInWords(["a", "b", "c"])).toBe("a, b and c");
    expect(listInWords(["a"])).toBe("a");
    expect(commandArgument("Big Corp")).toBe('"Big Corp"');
    expect(commandArgument("Acme")).toBe("Acme");
  });
});

describe("celebrations", () => {
  it.each(KINDS)("GIVEN kind %s THEN the channel gets at least 12 variants naming member and company", (kind) => {
    const texts = variantsOf((s) =>
      celebrationForChannel({ memberName: "Sam", company: "Acme", stage: null, kind }, s),
    );
    expect(texts.length).toBeGreaterThanOrEqual(12);
    for (const text of texts) expect(text).toContain("Sam");
    for (const text of texts) expect(text).toContain("Acme");
  });

  it.each(KINDS)("GIVEN kind %s with the company hidden THEN the channel never names it", (kind) => {
    for (const stage of STAGES) {
      const texts = variantsOf((s) => celebrationForChannel({ memberName: "Sam", company: null, stage, kind }, s));
      expect(texts.length).toBeGreaterThanOrEqual(12);
      for (const text of texts) {
        expect(text).toContain("Sam");
        expect(text).not.toMatch(/Acme|\bat\s*[.,:!]|\bfrom\s*[.,:!]|\bwith\s*[.,:!]/);
      }
    }
  });

  it("GIVEN an invitation THEN every variant names the step, or the next round when unknown", () => {
    const named = variantsOf((s) =>
      celebrationForChannel({ memberName: "Sam", company: null, stage: "TECHNICAL", kind: "invitation" }, s),
    );
    for (const text of named) expect(text).toContain("technical interview");
    const unnamed = variantsOf((s) =>
      celebrationForChannel({ memberName: "Sam", company: "Acme", stage: null, kind: "invitation" }, s),
    );
    for (const text of unnamed) expect(text).toContain("next round");
  });

  it.each(KINDS)("GIVEN kind %s THEN the member's DM has at least 8 variants naming the company", (kind) => {
    const texts = variantsOf((s) => congratulationForMember({ company: "Acme", stage: "ONSITE", kind }, s));
    expect(texts.length).toBeGreaterThanOrEqual(8);
    for (const text of texts) expect(text).toContain("Acme");
  });
});

describe("rejectionEncouragement", () => {
  const texts = variantsOf((s) => rejectionEncouragement({ company: "Acme", stage: "TECHNICAL" }, s));

  it("GIVEN a multi-word company THEN the `asked` hint quotes it as the parser expects", () => {
    const hints = variantsOf((s) => rejectionEncouragement({ company: "Big Corp", stage: null }, s)).filter((text) =>
      text.includes("`asked"),
    );
    expect(hints.length).toBeGreaterThan(0);
    for (const text of hints) expect(text).toContain('`asked "Big Corp"`');
  });

  it("GIVEN a rejection THEN there are at least 10 variants naming the company", () => {
    expect(texts.length).toBeGreaterThanOrEqual(10);
    for (const text of texts) expect(text).toContain("Acme");
  });

  it("GIVEN any variant THEN it points at a command to run next", () => {
    for (const text of texts) expect(text).toMatch(/`asked Acme`|`gap <topic>`/);
    expect(texts.some((text) => text.includes("`asked Acme`"))).toBe(true);
    expect(texts.some((text) => text.includes("`gap <topic>`"))).toBe(true);
    expect(texts.some((text) => /solve it again|try the hardest one again|redo the interview problem/.test(text))).toBe(
      true,
    );
  });
});

describe("WEEKLY_ENCOURAGEMENTS", () => {
  it("GIVEN the list THEN it holds at least 30 distinct messages", () => {
    expect(WEEKLY_ENCOURAGEMENTS.length).toBeGreaterThanOrEqual(30);
    const normalised = WEEKLY_ENCOURAGEMENTS.map((text) =>
      text
        .toLowerCase()
        .replace(/[^a-z]+/g, " ")
        .trim(),
    );
    expect(new Set(normalised).size).toBe(WEEKLY_ENCOURAGEMENTS.length);
    const openings = WEEKLY_ENCOURAGEMENTS.map((text) => text.split(" ").slice(0, 4).join(" "));
    expect(new Set(openings).size).toBe(WEEKLY_ENCOURAGEMENTS.length);
  });
});

describe("templates", () => {
  it("GIVEN a known interviewer THEN the feedback request greets them and covers every ask", () => {
    const text = feedbackRequestTemplate({
      company: "Acme",
      interviewer: "Dana",
      memberName: "Sam Lee",
      role: "Backend Engineer",
      stage: "SYSTEM_DESIGN",
    });
    expect(text).toMatch(/^Subject: /);
    expect(text).toContain("Hi Dana,");
    expect(text).toContain("Backend Engineer role");
    expect(text).toContain("system design interview");
    expect(text).toMatch(/thank you/i);
    expect(text).toMatch(/decision/);
    expect(text).toMatch(/experience/);
    expect(text).toMatch(/practice/);
    expect(text).toMatch(/send them your way/);
    expect(text.endsWith("\nSam Lee")).toBe(true);
  });

  it("GIVEN no interviewer THEN the feedback request greets the team", () => {
    const text = feedbackRequestTemplate({
      company: "Acme",
      interviewer: null,
      memberName: "Sam",
      role: null,
      stage: null,
    });
    expect(text).toContain("Hi Acme team,");
    expect(text).toContain("my application. I appreciated");
    const onPaper = feedbackRequestTemplate({
      company: "Acme",
      interviewer: null,
      memberName: "Sam",
      role: null,
      stage: "APPLIED",
    });
    expect(onPaper).toContain("including the application review.\n");
  });

  it("GIVEN silence THEN the check-in names the contact, the role and the wait", () => {
    const text = checkInTemplate({ company: "Acme", contact: "Dana", memberName: "Sam", role: "SRE", daysSilent: 12 });
    expect(text).toContain("Hi Dana,");
    expect(text).toContain("the SRE role");
    expect(text).toContain("12 days");
    expect(text.endsWith("\nSam")).toBe(true);
    const toTeam = checkInTemplate({ company: "Acme", contact: null, memberName: "Sam", role: null, daysSilent: 21 });
    expect(toTeam).toContain("Hi Acme team,");
    expect(toTeam).toContain("about 3 weeks");
  });

  it.each([1, 2] as const)("GIVEN chase %i THEN there are at least 4 intros naming the company", (chaseNumber) => {
    const texts = variantsOf((s) => feedbackChaseIntro({ company: "Acme", chaseNumber }, s));
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const text of texts) expect(text).toContain("Acme");
  });
});

describe("prompts", () => {
  it("GIVEN a round ahead THEN the reminder names company and time and lists at most three gaps", () => {
    const gaps = ["graphs", "SQL joins", "caching", "recursion"];
    const texts = variantsOf((s) =>
      prepReminder({ company: "Acme", stage: "ONSITE", whenLocal: "Thursday at 14:00", gaps }, s),
    );
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      expect(text).toContain("Acme");
      expect(text).toContain("Thursday at 14:00");
      expect(text).toContain("graphs, SQL joins and caching");
      expect(text).not.toContain("recursion");
    }
    const withoutGaps = variantsOf((s) =>
      prepReminder({ company: "Acme", stage: null, whenLocal: "tomorrow", gaps: [] }, s),
    );
    for (const text of withoutGaps) expect(text).not.toMatch(/gaps/i);
  });

  it("GIVEN a round just held THEN the reflection asks how it went and both own-metric questions", () => {
    const texts = variantsOf((s) => reflectionPrompt({ company: "Acme", stage: "BEHAVIORAL" }, s));
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      expect(text).toContain("Acme");
      expect(text).toMatch(/how/i);
      expect(text).toMatch(/did you meet someone/i);
      expect(text).toMatch(/did you learn something/i);
    }
  });

  it("GIVEN silence, a gap, or a Friday THEN each has enough filled variants", () => {
    const silence = variantsOf((s) => silenceNudge({ company: "Acme", daysSilent: 12 }, s));
    expect(silence.length).toBeGreaterThanOrEqual(5);
    for (const text of silence) expect(text).toMatch(/Acme.*12 days|12 days.*Acme/);
    const practice = variantsOf((s) => practiceNudge({ topic: "dynamic programming" }, s));
    expect(practice.length).toBeGreaterThanOrEqual(6);
    for (const text of practice) expect(text).toContain("dynamic programming");
    expect(variantsOf(digestIntro).length).toBeGreaterThanOrEqual(5);
  });
});

describe("every generated text", () => {
  it("GIVEN any input THEN no placeholder or missing value shows through", () => {
    expect(ALL_TEXTS.length).toBeGreaterThan(300);
    for (const text of ALL_TEXTS) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/[{}[\]$_]|undefined|null|NaN|\[object/);
      expect(text).not.toMatch(/[^\S\n]{2,}|\s[,.;:!?]|\.\./);
    }
  });

  it("GIVEN any text THEN it is plain: sparing *bold*, at most one emoji, no corporate or saccharine words", () => {
    for (const text of ALL_TEXTS) {
      // Command hints like `gap <topic>` are the only place angle brackets belong.
      expect(text.replace(/`[^`\n]+`/g, "")).not.toMatch(/\*\*|^#|[<>]/m);
      expect((text.match(/\*/g) ?? []).length).toBeLessThanOrEqual(2);
      expect((text.match(/\p{Extended_Pictographic}/gu) ?? []).length).toBeLessThanOrEqual(1);
      expect(text).not.toMatch(/!!|journey|rockstar|ninja|synergy|leverage|circle back|crush|slay|amazing|superstar/i);
    }
  });

  it("GIVEN the seed posts THEN no 8-word run of theirs appears in any text", () => {
    const seeds = JSON.parse(readFileSync(new URL("./seed-shingles.json", import.meta.url), "utf8")) as {
      shingleWords: number;
      check: { phrase: string; hash: string };
      hashes: string[];
    };
    // Guards against this file and scripts/seed-shingles.mjs hashing differently.
    expect(fnv1a64(seeds.check.phrase)).toBe(seeds.check.hash);
    expect(seeds.hashes.length).toBeGreaterThan(1000);
    for (const hash of seeds.hashes) expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const seedHashes = new Set(seeds.hashes);
    const borrowed = ALL_TEXTS.flatMap((text) => {
      const list = words(text);
      const runs: string[] = [];
      for (let i = 0; i + seeds.shingleWords <= list.length; i++) {
        const run = list.slice(i, i + seeds.shingleWords).join(" ");
        if (seedHashes.has(fnv1a64(run))) runs.push(run);
      }
      return runs;
    });
    expect(borrowed).toEqual([]);
  });
});

/** Same normalisation as scripts/seed-shingles.mjs. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Same hash as scripts/seed-shingles.mjs: 64-bit FNV-1a over UTF-8 bytes, 16 hex digits. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
