/** Normalises what members type: one spelling per name (NFKC), with no invisible characters to hide a duplicate or flip text. */

// Every invisible format character (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates,
// the byte-order mark, soft hyphens, tags) plus the blank fillers that are letters by category but show as nothing.
const INVISIBLE_IN_NAMES = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u180E\u2800]/gu;
// In free text only what can hide or reorder words: an emoji's zero-width joiner and a script's non-joiner stay.
const INVISIBLE_IN_TEXT = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A company, role, topic or display name as kept and matched: NFKC, invisible characters gone, spaces single. */
export function normaliseName(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE_IN_NAMES, "").replace(/\s+/g, " ").trim();
}

/** Free text (notes, feedback) as kept: composed characters, no zero-width spaces or direction controls. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE_IN_TEXT, "").trim();
}

/** Why a name that was only invisible characters is refused. */
export function invisibleOnly(label: string): string {
  return `The ${label} is only invisible characters, so there's nothing I could show. Type it with letters or digits.`;
}
