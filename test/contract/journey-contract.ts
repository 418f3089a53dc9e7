/** The member journey every adapter must carry the same way: run by the console, Slack and Discord tests alike. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

export interface JourneyDriver {
  /** Runs a command line as the member, the way this platform lets them; returns all the reply shows, as text. */
  say(line: string): Promise<string>;
  /** Sets the team's celebration channel the way an admin does on this platform. */
  setChannel(): Promise<void>;
  /** Moves time on by `advanceMs`, delivers what is due; returns what the team channel and the member's DMs now hold. */
  deliver(advanceMs: number): Promise<{ channel: string; dms: string }>;
  /** How many posts the team channel shows now (the console: posts printed less those printed as taken back). */
  postsInChannel(): Promise<number>;
}

export function runJourneyContract(
  platform: string,
  start: () => Promise<{ driver: JourneyDriver; close(): Promise<void> }>,
): void {
  describe(`${platform}: the member journey contract`, () => {
    let driver: JourneyDriver;
    let close: () => Promise<void> = async () => {};
    beforeAll(async () => {
      ({ driver, close } = await start());
      await driver.setChannel();
    }, 30_000);
    afterAll(async () => {
      await close();
    });

    it("GIVEN a whole journey THEN every step answers the member with what happened", async () => {
      const steps: [string, string][] = [
        // Chosen up front: a member who never chose is asked at the first win (first-win tests on each platform).
        ["share on", "Sharing updated"],
        ["apply Acme", "Tracking Acme"],
        ["round acme technical 2026-11-25 10:00", "technical interview with Acme"],
        ["invited acme onsite", "That's a win"],
        ["met acme Dana", "Met Dana at Acme"],
        ["learned acme graph search", "graph search"],
        ["apply Globex", "Tracking Globex"],
        ["rejected globex", "Logged, privately"],
        ["asked globex", "Good move asking Globex"],
        ["feedback globex wanted more SQL", "Feedback from Globex saved"],
        ["gap SQL window functions", "Gap #1"],
        ["pipeline", "Acme"],
        ["stats", "Invitations to a next step"],
      ];
      for (const [line, expected] of steps) expect(await driver.say(line), line).toContain(expected);
    });

    it("GIVEN bad input THEN the member is told what is wrong", async () => {
      expect(await driver.say("round acme tecnical")).toContain("isn't a stage I know");
      expect(await driver.say("timeline initech")).toContain("You aren't tracking");
    });

    it("GIVEN the queued messages THEN the win is celebrated in the team channel, the rejection only privately", async () => {
      const { channel, dms } = await driver.deliver(15 * 60_000);
      expect(channel.toLowerCase()).toContain("onsite");
      expect(channel).not.toContain("Globex");
      expect(channel.toLowerCase()).not.toContain("reject");
      expect(dms).toContain("Globex");
      expect(dms).toContain("Acme");
    });

    it("GIVEN an offer whose celebration was posted WHEN the member undoes THEN the post comes down and the offer is gone", async () => {
      await driver.deliver(15 * 60_000);
      const before = await driver.postsInChannel();
      const offered = await driver.say("offer acme");
      expect(offered).toContain("An offer from Acme");
      expect(offered).toContain("Undo");
      // Nothing reaches the team within the undo window; after it, the post is up.
      await driver.deliver(60_000);
      expect(await driver.postsInChannel()).toBe(before);
      await driver.deliver(2 * 60_000);
      expect(await driver.postsInChannel()).toBe(before + 1);
      expect(await driver.say("undo")).toContain("taking the post down");
      await driver.deliver(1_000);
      expect(await driver.postsInChannel()).toBe(before);
      expect(await driver.say("offer acme")).toContain("An offer from Acme");
      expect(await driver.say("undo")).toContain("won't go out");
      await driver.deliver(15 * 60_000);
      expect(await driver.postsInChannel()).toBe(before);
    });
  });
}
