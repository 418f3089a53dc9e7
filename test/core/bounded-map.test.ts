/** The bounded cache behind the adapters' DM channel, client and user caches. */
import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/core/bounded-map.ts";

describe("BoundedMap", () => {
  it("GIVEN more entries than its capacity THEN it keeps the most recently used ones", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect(map.size).toBe(2);
    expect(map.has("b")).toBe(false);
    expect(map.get("a")).toBe(1);
    expect(map.get("c")).toBe(3);
  });

  it("GIVEN a key set again THEN it is counted once", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("a", 2).set("b", 3);
    expect(map.size).toBe(2);
    expect(map.get("a")).toBe(2);
  });

  it("GIVEN a capacity below 1 THEN it is refused", () => {
    expect(() => new BoundedMap(0)).toThrow();
  });
});
