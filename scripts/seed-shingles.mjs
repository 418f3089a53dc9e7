/** Hashes every 8-word run of the seed posts into test/copy/seed-shingles.json, so the copy tests can catch borrowed sentences without the repo carrying the posts. */
// Usage: node scripts/seed-shingles.mjs <folder of seed .txt files>
// test/copy/copy.test.ts repeats words() and fnv1a64(); the "check" entry below fails the test if the two drift apart.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SHINGLE_WORDS = 8;
const CHECK_PHRASE = "the quick brown fox jumps over the lazy dog";
const outFile = new URL("../test/copy/seed-shingles.json", import.meta.url);

/** Lower-case words; apostrophes are dropped so "don't" and "don’t" match. */
function words(text) {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** 64-bit FNV-1a over the UTF-8 bytes, as 16 hex digits. */
function fnv1a64(text) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

function shingleHashes(text) {
  const list = words(text);
  const hashes = [];
  for (let i = 0; i + SHINGLE_WORDS <= list.length; i++) {
    hashes.push(fnv1a64(list.slice(i, i + SHINGLE_WORDS).join(" ")));
  }
  return hashes;
}

const seedDir = process.argv[2];
if (!seedDir) {
  console.error("usage: node scripts/seed-shingles.mjs <folder of seed .txt files>");
  process.exit(1);
}
const files = readdirSync(seedDir)
  .filter((name) => name.endsWith(".txt"))
  .sort();
if (files.length === 0) {
  console.error(`no .txt files in ${seedDir}`);
  process.exit(1);
}
const hashes = new Set();
for (const name of files) {
  for (const hash of shingleHashes(readFileSync(join(seedDir, name), "utf8"))) hashes.add(hash);
}
const output = {
  about: `FNV-1a 64 hashes of every ${SHINGLE_WORDS}-word run in the seed posts (lower-cased, apostrophes dropped, split on anything but a-z0-9, joined by single spaces).`,
  shingleWords: SHINGLE_WORDS,
  sources: files.length,
  check: { phrase: CHECK_PHRASE, hash: fnv1a64(CHECK_PHRASE) },
  hashes: [...hashes].sort(),
};
writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
console.log(`wrote ${hashes.size} shingle hashes from ${files.length} files`);
