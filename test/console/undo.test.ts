/** The console edition end to end: an unusual step asks with a numbered choice, and undo takes a posted win back down. */
import { afterEach, describe, expect, it } from "vitest";
import { afternoonZone, outputByCommand, parseTranscript, runNode, temporaryDataDir } from "../support/cli-process.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("console: asking first and taking back", () => {
  it("GIVEN accepted with no offer piped in WHEN the member picks No, then Yes, then undoes THEN nothing stays public", async () => {
    const dir = await temporaryDataDir();
    cleanups.push(dir.remove);
    const env = { NEXTSTEP_DATA_DIR: dir.path, NEXTSTEP_CONSOLE_USER: "Ada", NEXTSTEP_TIMEZONE: afternoonZone() };
    const lines = [
      "share on",
      "apply Umbrella",
      "accepted umbrella",
      "2",
      "accepted Umbrella",
      "1",
      "undo",
      "pipeline",
    ];

    const result = await runNode("src/bin/start.ts", [], env, `${lines.join("\n")}\n`);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const byCommand = outputByCommand(parseTranscript(result.stdout));
    const said = (line: string) =>
      (byCommand.get(line) ?? []).map((message) => `[${message.label}] ${message.body}`).join("\n");
    expect(said("accepted umbrella")).toContain("There's no offer from Umbrella logged yet");
    expect(said("accepted umbrella")).toContain("[1] Yes, log it  [2] No");
    expect(said("accepted umbrella")).not.toContain("[#team]");
    expect(said("2")).toContain("I left everything as it was");
    expect(said("2")).not.toContain("[#team]");
    // The console's local team has no undo window: Yes posts at once, with an Undo button.
    expect(said("1")).toContain("You accepted Umbrella");
    expect(said("1")).toContain("[1] Undo");
    expect(said("1")).toMatch(/\[#team\] .+/);
    expect(said("undo")).toContain("Undone: `accepted Umbrella`");
    expect(said("undo")).toContain("[#team] (a post was taken back)");
    expect(said("pipeline")).toContain("Umbrella");
    expect(said("pipeline")).not.toMatch(/accepted/i);
  });
});
