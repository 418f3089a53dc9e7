/** When to try a failed delivery again: the platform's Retry-After if given, else exponential backoff with full jitter. */

export const BASE_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 30 * 60_000;

/** Delay before attempt `attempts + 1`; `random` is injectable so tests are exact. */
export function retryDelay(attempts: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, MAX_DELAY_MS);
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(1_000, Math.floor(random() * ceiling));
}
