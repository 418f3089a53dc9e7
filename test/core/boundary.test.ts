/** The core imports no platform, no ORM and no database driver: read every source file under src/core and check. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = join(import.meta.dirname, "../../src/core");

/** Every module specifier a file names: static imports and re-exports, side-effect imports, import() and require(). */
function specifiersOf(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] as string));
}

/** Why a specifier is forbidden in the core, or null when it is allowed. */
function forbiddenReason(specifier: string): string | null {
  if (specifier.startsWith("@slack/")) return "Slack SDK";
  if (specifier === "discord.js" || specifier.startsWith("discord.js/")) return "discord.js";
  if (specifier.startsWith("@prisma/")) return "Prisma";
  if (specifier === "pg" || specifier.startsWith("pg/")) return "node-postgres";
  if (specifier.startsWith("@electric-sql/")) return "PGlite";
  if (specifier.startsWith(".") || specifier.startsWith("/")) {
    const segments = specifier.split("/");
    if (segments.includes("adapters")) return "an adapter";
    if (segments.includes("db")) return "the database layer";
  }
  return null;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?ts|[cm]?js|tsx|jsx)$/.test(entry.name) ? [path] : [];
  });
}

describe("the core's import boundary", () => {
  it("GIVEN every file under src/core, nested folders included WHEN its imports are read THEN none reaches a platform, an ORM, a driver, an adapter or the db layer", () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((file) => file.includes(`${join("commands", "")}`))).toBe(true);
    const violations: string[] = [];
    let specifierCount = 0;
    for (const file of files) {
      for (const specifier of specifiersOf(readFileSync(file, "utf8"))) {
        specifierCount++;
        const reason = forbiddenReason(specifier);
        if (reason) violations.push(`${relative(CORE, file)} imports "${specifier}" (${reason})`);
      }
    }
    // The reader must actually find imports, or the check above proves nothing.
    expect(specifierCount).toBeGreaterThan(files.length);
    expect(violations).toEqual([]);
  });

  it("GIVEN sample import lines in every form WHEN the reader scans them THEN each specifier is found", () => {
    const sample = [
      'import { App } from "@slack/bolt";',
      "import type { Client } from 'discord.js';",
      'import {\n  PrismaClient,\n} from "@prisma/client";',
      'import "pg";',
      'export { open } from "../db/open.ts";',
      'export * from "../../adapters/slack/index.ts";',
      'const lite = await import("@electric-sql/pglite");',
      'const pg = require("pg/lib/client");',
      'import { reply } from "../reply.ts";',
    ].join("\n");
    expect(specifiersOf(sample)).toEqual(
      expect.arrayContaining([
        "@slack/bolt",
        "discord.js",
        "@prisma/client",
        "pg",
        "../db/open.ts",
        "../../adapters/slack/index.ts",
        "@electric-sql/pglite",
        "pg/lib/client",
        "../reply.ts",
      ]),
    );
  });

  it.each([
    ["@slack/bolt", true],
    ["@slack/web-api", true],
    ["discord.js", true],
    ["@prisma/client", true],
    ["@prisma/adapter-pg", true],
    ["pg", true],
    ["pg/lib/client", true],
    ["@electric-sql/pglite", true],
    ["../adapters/console/render.ts", true],
    ["../../src/db/prisma-store.ts", true],
    ["../db", true],
    ["zod", false],
    ["chrono-node", false],
    ["node:crypto", false],
    ["pg-format-lookalike", false],
    ["./dbutils.ts", false],
    ["../reply.ts", false],
  ])("GIVEN the specifier %s WHEN judged THEN forbidden is %s", (specifier, forbidden) => {
    expect(forbiddenReason(specifier) !== null).toBe(forbidden);
  });
});
