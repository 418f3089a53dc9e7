/** The adapters' shape, checked from their source: small files with a header, and the bot's command entry points called from one file each. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ADAPTERS = join(import.meta.dirname, "../../src/adapters");
/** Beyond this an adapter file is doing more than translating; split it by responsibility. */
const MAX_LINES = 150;
/** Where each platform adapter may call the core's command entry points (the console's whole adapter is one small file). */
const BOT_CALLERS: Record<string, string> = {
  slack: "slack/handlers/bot-calls.ts",
  discord: "discord/interactions/bot-calls.ts",
  console: "console/index.ts",
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(ADAPTERS).map((path) => ({
  name: relative(ADAPTERS, path),
  source: readFileSync(path, "utf8"),
}));

describe("the adapters' shape", () => {
  it("GIVEN every adapter file THEN the reader found the three adapters' files", () => {
    expect(files.length).toBeGreaterThan(30);
    expect(new Set(files.map((file) => file.name.split("/")[0]))).toEqual(new Set(Object.keys(BOT_CALLERS)));
  });

  it(`GIVEN every adapter file THEN none is over ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ name: file.name, lines: file.source.trimEnd().split("\n").length }))
      .filter((file) => file.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("GIVEN every adapter file THEN it opens with a one-line /** header */", () => {
    const headless = files.filter((file) => !/^\/\*\* .+ \*\/\n/.test(file.source)).map((file) => file.name);
    expect(headless).toEqual([]);
  });

  it("GIVEN every adapter file THEN only its adapter's bot-calls file calls handleText, handleNamed or changedData", () => {
    const strays = files
      .filter((file) => /\.(?:handleText|handleNamed|changedData)\(/.test(file.source))
      .map((file) => file.name)
      .filter((name) => !Object.values(BOT_CALLERS).includes(name));
    expect(strays).toEqual([]);
  });
});
