/** Configuration: validation names the variable, and the README and .env.example list exactly the variables the code reads. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, ENVIRONMENT, loadConfig } from "../src/config.ts";

const names = ENVIRONMENT.map((variable) => variable.name).sort();

describe("loadConfig", () => {
  it("GIVEN an empty environment THEN the embedded defaults apply", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: "./.data",
      defaultTimezone: "UTC",
      logLevel: "info",
    });
  });

  it.each([
    ["DATABASE_URL", "mysql://nope"],
    ["NEXTSTEP_TIMEZONE", "Mars/Olympus"],
    ["LOG_LEVEL", "loud"],
    ["DISPATCH_INTERVAL_MS", "soon"],
  ])("GIVEN a bad %s THEN the error names it", (variable, value) => {
    const attempt = () => loadConfig({ [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(variable));
  });

  it("GIVEN explicit overrides THEN they win over the environment", () => {
    expect(loadConfig({ NEXTSTEP_DATA_DIR: "/env" }, { dataDir: "/explicit" }).dataDir).toBe("/explicit");
  });
});

describe("documented variables", () => {
  it("GIVEN the README THEN its configuration table lists exactly the variables the code reads", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Tests"));
    const documented = [...section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(names);
  });

  it("GIVEN .env.example THEN it lists exactly the variables the code reads", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]).sort();
    expect(listed).toEqual(names);
  });
});
