/** Private by default: a new member is not shared until they answer the question their first win asks. */
import { describe, expect, it } from "vitest";
import { createHarness, type Harness, minutesAfter, T0 } from "../support/core-harness.ts";

const COMPANY = "Zyxwv Robotics";

async function newMemberWithRound(): Promise<Harness> {
  const h = createHarness();
  await h.setCelebrationChannel("C-WINS");
  await h.sayAll([`apply "${COMPANY}"`, "round zyxwv technical"]);
  return h;
}

async function channelPosts(h: Harness) {
  return (await h.rows()).outbox.filter((row) => row.target === "CHANNEL");
}

describe("a member who never chose is private", () => {
  it("GIVEN a new member WHEN their row is read THEN sharing is not chosen yet", async () => {
    const h = createHarness();
    await h.say("settings");
    expect((await h.rows()).member.sharing).toBeNull();
  });

  it("GIVEN a new member and a channel WHEN the first win is logged THEN nothing is queued for the channel and the reply asks with three buttons", async () => {
    const h = await newMemberWithRound();
    const answer = await h.say("invited zyxwv onsite");
    expect(await channelPosts(h)).toEqual([]);
    // The harness speaks as Slack, where <#C…> shows the channel's name.
    expect(answer.text).toContain("Share this win in the team channel?");
    const buttons = answer.buttons ?? [];
    expect(buttons.map((button) => button.label)).toEqual([
      "Share with my name",
      "Share anonymously",
      "Keep it private",
    ]);
    const [round] = (await h.rows()).rounds.filter((r) => r.stage !== "TECHNICAL");
    expect(buttons.map((button) => button.command)).toEqual([
      `share on invitation:${round?.id}`,
      `share anonymous invitation:${round?.id}`,
      "share off",
    ]);
  });

  it("GIVEN no channel WHEN the first win is logged THEN nothing is asked", async () => {
    const h = createHarness();
    await h.sayAll([`apply "${COMPANY}"`]);
    const answer = await h.say("offer zyxwv");
    expect(answer.buttons ?? []).toEqual([]);
    expect(answer.text).not.toContain("Share this win");
  });

  for (const [label, index, named] of [
    ["with my name", 0, true],
    ["anonymously", 1, false],
  ] as const) {
    it(`GIVEN the question WHEN Share ${label} is pressed twice THEN the choice is kept and the win is posted once, after the undo window`, async () => {
      const h = await newMemberWithRound();
      const answer = await h.say("offer zyxwv");
      const command = answer.buttons?.[index]?.command ?? "";
      h.clock.advanceMinutes(1);
      const chosen = await h.say(command);
      expect(chosen.text).toContain("Sharing updated");
      await h.say(command);
      const posts = await channelPosts(h);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ kind: "celebration", channel: "C-WINS", nextAttemptAt: minutesAfter(T0, 3) });
      const text = JSON.stringify(posts[0]?.payload);
      expect(text.includes("Ada")).toBe(named);
      expect(text).not.toContain("Zyxwv");
      expect((await h.rows()).member.sharing).toBe(named ? "ON" : "ANONYMOUS");
      // Only the first win asks; the next one follows the choice.
      const next = await h.say("accepted zyxwv");
      expect(next.text).not.toContain("Share this win");
      expect(await channelPosts(h)).toHaveLength(2);
    });
  }

  it("GIVEN the question WHEN Keep it private is pressed THEN sharing is off and nothing is posted, now or at the next win", async () => {
    const h = await newMemberWithRound();
    const answer = await h.say("offer zyxwv");
    await h.say(answer.buttons?.[2]?.command ?? "");
    await h.say("accepted zyxwv");
    expect((await h.rows()).member.sharing).toBe("OFF");
    expect(await channelPosts(h)).toEqual([]);
  });

  it("GIVEN Share with my name was pressed WHEN Keep it private follows within the undo window THEN the waiting post never goes out", async () => {
    const h = await newMemberWithRound();
    const answer = await h.say("offer zyxwv");
    await h.say(answer.buttons?.[0]?.command ?? "");
    expect(await channelPosts(h)).toHaveLength(1);
    await h.say(answer.buttons?.[2]?.command ?? "");
    expect(await channelPosts(h)).toEqual([]);
    expect((await h.rows()).outbox.map((row) => row.kind)).toEqual(["congratulation"]);
  });

  it("GIVEN Share with my name was pressed WHEN the member says undo THEN the choice is unset again and the post is gone", async () => {
    const h = await newMemberWithRound();
    const answer = await h.say("offer zyxwv");
    await h.say(answer.buttons?.[0]?.command ?? "");
    await h.say("undo");
    expect((await h.rows()).member.sharing).toBeNull();
    expect(await channelPosts(h)).toEqual([]);
  });

  it("GIVEN a win id that is not the member's WHEN share on names it THEN the choice is kept and nothing is posted", async () => {
    const h = await newMemberWithRound();
    await h.say("share on offer:not-a-real-id");
    expect((await h.rows()).member.sharing).toBe("ON");
    expect(await channelPosts(h)).toEqual([]);
  });

  it("GIVEN share anonymous WHEN a win is logged THEN the post names neither the member nor the company", async () => {
    const h = await newMemberWithRound();
    await h.say("share anonymous");
    await h.say("invited zyxwv onsite");
    const [post] = await channelPosts(h);
    expect(post?.payload.text).toBeTruthy();
    expect(post?.payload.text).not.toMatch(/Ada|Zyxwv/);
    expect((await h.say("settings")).fields?.find((f) => f.label === "Sharing (share)")?.value).toMatch(
      /without your name/,
    );
  });

  it("GIVEN a member who never chose WHEN the settings are read THEN they say nothing is posted until asked", async () => {
    const h = createHarness();
    const settings = await h.say("settings");
    expect(settings.fields?.find((f) => f.label === "Sharing (share)")?.value).toMatch(/not chosen yet/);
  });
});
