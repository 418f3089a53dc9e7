/** The text grammar's tokenizer: words, "quoted" and 'quoted' phrases, apostrophes, smart quotes and the unclosed quote. */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/core/grammar/tokenize.ts";

function tokensOf(line: string): string[] {
  const result = tokenize(line);
  if (!result.ok) throw new Error(`expected tokens, got problem: ${result.problem}`);
  return result.tokens;
}

describe("tokenize", () => {
  it("GIVEN plain words separated by runs of spaces and tabs WHEN tokenized THEN each word is one token", () => {
    expect(tokensOf("round  Acme\ttechnical   tomorrow 3pm")).toEqual([
      "round",
      "Acme",
      "technical",
      "tomorrow",
      "3pm",
    ]);
  });

  it("GIVEN a double-quoted phrase WHEN tokenized THEN the phrase is one token without its quotes", () => {
    expect(tokensOf('apply "Globex Corp" Backend Engineer')).toEqual(["apply", "Globex Corp", "Backend", "Engineer"]);
  });

  it("GIVEN a quoted phrase with inner spacing WHEN tokenized THEN the spacing inside the quotes is kept", () => {
    expect(tokensOf('gap "  system   design "')).toEqual(["gap", "  system   design "]);
  });

  it("GIVEN curly smart quotes from a phone WHEN tokenized THEN they group words like plain quotes", () => {
    expect(tokensOf("apply \u201CGlobex Corp\u201D")).toEqual(["apply", "Globex Corp"]);
  });

  it("GIVEN low-9 and guillemet quotes WHEN tokenized THEN they group words too", () => {
    expect(tokensOf("apply \u201EInitech Labs\u201C")).toEqual(["apply", "Initech Labs"]);
    expect(tokensOf("apply \u00ABUmbrella Group\u00BB")).toEqual(["apply", "Umbrella Group"]);
  });

  it("GIVEN a single-quoted phrase WHEN tokenized THEN it groups words like double quotes", () => {
    expect(tokensOf("apply 'Zeta Labs' 'Platform Engineer'")).toEqual(["apply", "Zeta Labs", "Platform Engineer"]);
    expect(tokensOf("apply \u2018Zeta Labs\u2019")).toEqual(["apply", "Zeta Labs"]);
  });

  it("GIVEN apostrophes inside words WHEN tokenized THEN they stay letters, also inside a single-quoted phrase", () => {
    expect(tokensOf("feedback Acme they said I'm a strong fit")).toEqual([
      "feedback",
      "Acme",
      "they",
      "said",
      "I'm",
      "a",
      "strong",
      "fit",
    ]);
    expect(tokensOf("apply 'Macy's Digital' backend")).toEqual(["apply", "Macy's Digital", "backend"]);
    expect(tokensOf("learned Acme they don\u2019t pair")).toEqual(["learned", "Acme", "they", "don't", "pair"]);
  });

  it("GIVEN a word-opening ' with no closing one WHEN tokenized THEN it is an apostrophe, not an unclosed quote", () => {
    expect(tokensOf("gap 'til done")).toEqual(["gap", "'til", "done"]);
  });

  it("GIVEN double quotes inside a single-quoted phrase WHEN tokenized THEN they are kept as text", () => {
    expect(tokensOf("note 'the \"big\" one' now")).toEqual(["note", 'the "big" one', "now"]);
  });

  it("GIVEN an empty pair of quotes WHEN tokenized THEN it yields one empty token rather than nothing", () => {
    expect(tokensOf('apply ""')).toEqual(["apply", ""]);
  });

  it("GIVEN quotes glued to a word WHEN tokenized THEN the quoted part joins that word", () => {
    expect(tokensOf('apply Acme"  "Corp')).toEqual(["apply", "Acme  Corp"]);
  });

  it("GIVEN an opening quote with no closing one WHEN tokenized THEN it is a problem, not a guess", () => {
    const result = tokenize('apply "Globex Corp');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/opening quote without a closing one/);
  });

  it("GIVEN an unclosed smart quote WHEN tokenized THEN it is the same problem", () => {
    expect(tokenize("apply \u201CGlobex Corp").ok).toBe(false);
  });

  it("GIVEN only whitespace WHEN tokenized THEN there are no tokens", () => {
    expect(tokensOf("  \t ")).toEqual([]);
  });
});
