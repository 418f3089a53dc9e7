/** Splits a command line into words, keeping "double quoted" phrases together. */

export type TokenizeResult = { ok: true; tokens: string[] } | { ok: false; problem: string };

// Smart quotes arrive from phones and rich-text clients; treat them as plain double quotes.
const QUOTES = /[\u201C\u201D\u201E\u00AB\u00BB]/g;

/** Tokenizes `line`; an unclosed quote is a problem, not a guess. */
export function tokenize(line: string): TokenizeResult {
  const text = line.replace(QUOTES, '"');
  const tokens: string[] = [];
  let current = "";
  let inQuotes = false;
  let hasToken = false;
  for (const char of text) {
    if (char === '"') {
      inQuotes = !inQuotes;
      hasToken = true;
    } else if (!inQuotes && /\s/.test(char)) {
      if (hasToken) tokens.push(current);
      current = "";
      hasToken = false;
    } else {
      current += char;
      hasToken = true;
    }
  }
  if (inQuotes) return { ok: false, problem: "There's an opening quote without a closing one." };
  if (hasToken) tokens.push(current);
  return { ok: true, tokens };
}
