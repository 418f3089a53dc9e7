/** Store contract, forgetting: deleting a member also takes them out of team posts that name them (the digest). */
import { expect, it } from "vitest";
import { withoutMarks } from "../../src/core/member-text.ts";
import { winnersLine } from "../../src/core/mentions.ts";
import type { Store } from "../../src/core/ports.ts";
import { givenMember, givenWorkspace, T0 } from "../support/store-fixtures.ts";

export function describeForget(store: () => Store): void {
  it("GIVEN digests naming Ada and Bob WHEN Ada is deleted THEN each names only Bob, or nobody, and no row keeps her name", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const bob = await givenMember(store(), workspace.id, "U-BOB");
    const both = [
      { memberId: ada.id, name: "Ada Quill" },
      { memberId: bob.id, name: "Bob" },
    ];
    const digest = (dedupeKey: string, mentions: typeof both) => ({
      kind: "digest",
      target: "CHANNEL" as const,
      memberId: null,
      channel: "C-WINS",
      payload: { text: `Week in steps\n• 2 offers${winnersLine(mentions)}`, mentions },
      dedupeKey,
      nextAttemptAt: T0,
    });
    await store().inWorkspace(workspace.id, async (repo) => {
      await repo.enqueue(digest("digest:both", both));
      await repo.enqueue(digest("digest:ada", [both[0] as (typeof both)[0]]));
      await repo.enqueue(digest("digest:bob", [both[1] as (typeof both)[0]]));
    });

    await store().inWorkspace(workspace.id, (repo) => repo.deleteMember(ada.id));

    const claimed = await store().outbox.claimDue(new Date("2100-01-01T00:00:00Z"), 10, 60_000);
    // Read as a member would: the names are member text, marked for each platform to escape.
    const texts = Object.fromEntries(claimed.map((row) => [row.dedupeKey, withoutMarks(row.payload.text)]));
    expect(texts).toEqual({
      "digest:both": "Week in steps\n• 2 offers\nWins this week from Bob. Well done.",
      "digest:ada": "Week in steps\n• 2 offers",
      "digest:bob": "Week in steps\n• 2 offers\nWins this week from Bob. Well done.",
    });
    expect(JSON.stringify(claimed)).not.toContain("Ada");
    expect(JSON.stringify(claimed)).not.toContain(ada.id);
  });
}
