/** Splits a command line into words, keeping "double quoted" and 'single quoted' phrases together. */

export type TokenizeResult =
  | {
      ok: true;
      tokens: string[];
      /** Per token, whether any of it was in quotes: `apply Zeta Labs` was typed bare, `apply "Zeta Labs"` was not. */
      quoted: boolean[];
    }
  | { ok: false; problem: string };

// Smart quotes arrive from phones and rich-text clients; treat them as plain quotes.
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u00AB\u00BB]/g;
const SINGLE_QUOTES = /[\u2018\u2019]/g;

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);

/**
 * Where the single-quoted phrase opening at `start` closes: the next ' that ends a word. -1 when there is none, so
 * the ' is an apostrophe ('til, rock 'n' roll without a closing one) and stays part of the word.
 */
function closingSingleQuote(chars: readonly string[], start: number): number {
  for (let i = start + 1; i < chars.length; i += 1) {
    if (chars[i] === "'" && isSpace(chars[i + 1])) return i;
  }
  return -1;
}

/** Tokenizes `line`; an unclosed double quote is a problem, not a guess. */
export function tokenize(line: string): TokenizeResult {
  const chars = [...line.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'")];
  const tokens: string[] = [];
  const quoted: boolean[] = [];
  let current = "";
  let inQuotes = false;
  let inDouble = false;
  /** Index of the ' that closes the single-quoted phrase being read, or -1 outside one. */
  let singleEnd = -1;
  let hasToken = false;
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] as string;
    if (i === singleEnd) {
      singleEnd = -1;
    } else if (singleEnd === -1 && char === '"') {
      inDouble = !inDouble;
      hasToken = true;
      inQuotes = true;
    } else if (!inDouble && singleEnd === -1 && char === "'" && !hasToken && closingSingleQuote(chars, i) !== -1) {
      // A ' opening a word, closed by a ' ending one, quotes like "…"; inside it, apostrophes are letters (Macy's).
      singleEnd = closingSingleQuote(chars, i);
      hasToken = true;
      inQuotes = true;
    } else if (!inDouble && singleEnd === -1 && isSpace(char)) {
      if (hasToken) {
        tokens.push(current);
        quoted.push(inQuotes);
      }
      current = "";
      hasToken = false;
      inQuotes = false;
    } else {
      current += char;
      hasToken = true;
    }
  }
  if (inDouble) return { ok: false, problem: "There's an opening quote without a closing one." };
  if (hasToken) {
    tokens.push(current);
    quoted.push(inQuotes);
  }
  return { ok: true, tokens, quoted };
}
