/** Row ids: UUIDv7, so that ordering by (createdAt, id) keeps insertion order when timestamps tie. */
import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = 0;

/** A version 7 UUID; ids made by this process sort in creation order, even within one millisecond. */
export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    // Start in the lower half so many ids in one millisecond still fit in the 12-bit counter.
    counter = randomBytes(2).readUInt16BE() & 0x7ff;
  } else {
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      ms = lastMs;
      counter = 0;
    }
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
