/** Deterministic variant choice: the same seed always reads the same, different seeds spread across the variants. */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A 32-bit FNV-1a hash of the seed, finished with an avalanche step. */
export function hashSeed(seed: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  // FNV-1a's low bits depend only on the low bits of each character, so seeds differing in one letter
  // can land on the same variant of a short list; the murmur3 finaliser spreads every input bit.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Picks one variant for the seed; retries of the same message (same seed) get the same words. */
export function pickVariant<T>(variants: readonly T[], seed: string): T {
  if (variants.length === 0) throw new RangeError("pickVariant needs at least one variant");
  return variants[hashSeed(seed) % variants.length] as T;
}

/**
 * Picks an index in [0, count) that is not in recentlyUsed (most recent last), chosen by the seed.
 * When every index was used lately it repeats the one used longest ago, so a rotation never stalls.
 */
export function pickUnused(count: number, recentlyUsed: readonly number[], seed: string): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`pickUnused needs a positive count, got ${count}`);
  const recent = new Set(recentlyUsed);
  const fresh: number[] = [];
  for (let index = 0; index < count; index++) {
    if (!recent.has(index)) fresh.push(index);
  }
  if (fresh.length > 0) return pickVariant(fresh, seed);
  let oldest = 0;
  let oldestPosition = Number.POSITIVE_INFINITY;
  for (let index = 0; index < count; index++) {
    const position = recentlyUsed.lastIndexOf(index);
    if (position < oldestPosition) {
      oldest = index;
      oldestPosition = position;
    }
  }
  return oldest;
}
