/** Store contract, part four: the outbox, from enqueue through claiming, delivery outcomes and failure notices. */
import { expect, it } from "vitest";
import type { Member, Workspace } from "../../src/core/model.ts";
import type { NewOutboxMessage, Store } from "../../src/core/ports.ts";
import {
  channelMessage,
  directMessage,
  givenMember,
  givenWorkspace,
  minutesAfter,
  T0,
} from "../support/store-fixtures.ts";

const LEASE_MS = 60_000;

export function describeOutbox(store: () => Store): void {
  async function givenQueue(...messages: ((member: Member) => NewOutboxMessage)[]) {
    const workspace = await givenWorkspace(store(), "T-OUT", "DISCORD");
    const member = await givenMember(store(), workspace.id, "U-ADA");
    await store().inWorkspace(workspace.id, async (repo) => {
      for (const message of messages) expect(await repo.enqueue(message(member))).toBe(true);
    });
    return { workspace, member };
  }
  const outboxOf = async (workspace: Workspace, member: Member) =>
    store().inWorkspace(workspace.id, (repo) => repo.listOutbox(member.id));
  const rowOf = async (workspace: Workspace, member: Member, dedupeKey: string) =>
    (await outboxOf(workspace, member)).find((message) => message.dedupeKey === dedupeKey);

  it("GIVEN a queued message WHEN enqueued again with its dedupe key THEN it is refused and one row exists", async () => {
    const workspace = await givenWorkspace(store());
    const other = await givenWorkspace(store(), "T-OTHER");
    const member = await givenMember(store(), workspace.id, "U-ADA");
    const message: NewOutboxMessage = {
      ...directMessage(member.id, "celebrate:1"),
      payload: {
        text: "Next step at Acme!",
        title: "Woo",
        fields: [{ label: "Stage", value: "Onsite" }],
        items: ["one"],
        buttons: [{ actionId: "feedback.asked", label: "Asked", command: "feedback asked acme", style: "primary" }],
        private: true,
      },
    };

    const results = await store().inWorkspace(workspace.id, async (repo) => [
      await repo.enqueue(message),
      await repo.enqueue({ ...message, payload: { text: "different" } }),
      // The refused duplicate must leave the transaction usable.
      await repo.enqueue(directMessage(member.id, "celebrate:2")),
    ]);
    expect(results).toEqual([true, false, true]);
    expect(await store().inWorkspace(workspace.id, (repo) => repo.enqueue(message))).toBe(false);
    expect(await store().inWorkspace(other.id, (repo) => repo.enqueue(channelMessage("celebrate:1")))).toBe(true);

    const rows = await outboxOf(workspace, member);
    expect(rows.map((row) => row.dedupeKey)).toEqual(["celebrate:1", "celebrate:2"]);
    expect(rows[0]).toMatchObject({
      workspaceId: workspace.id,
      memberId: member.id,
      kind: "celebration",
      target: "DIRECT",
      channel: null,
      payload: message.payload,
      status: "PENDING",
      attempts: 0,
      nextAttemptAt: T0,
      leaseUntil: null,
      lastError: null,
      sentAt: null,
      failureToldAt: null,
    });
  });

  it("GIVEN due, future and channel messages WHEN claimed THEN due ones come oldest first with their addresses", async () => {
    const { workspace, member } = await givenQueue(
      (m) => directMessage(m.id, "later", minutesAfter(T0, 5)),
      (m) => directMessage(m.id, "first", minutesAfter(T0, -10)),
      () => channelMessage("second", minutesAfter(T0, -5)),
      (m) => directMessage(m.id, "third", T0),
    );

    const claimed = await store().outbox.claimDue(T0, 10, LEASE_MS);
    expect(claimed.map((message) => message.dedupeKey)).toEqual(["first", "second", "third"]);
    expect(claimed[0]).toMatchObject({
      status: "SENDING",
      attempts: 1,
      leaseUntil: new Date(T0.getTime() + LEASE_MS),
      platform: "DISCORD",
      workspaceExternalId: workspace.externalId,
      memberExternalId: member.externalId,
      payload: { text: "hello first" },
    });
    expect(claimed[1]).toMatchObject({ target: "CHANNEL", channel: "C-WINS", memberId: null, memberExternalId: null });
    expect(await rowOf(workspace, member, "first")).toEqual(
      Object.fromEntries(
        Object.entries(claimed[0] ?? {}).filter(
          ([key]) => !["platform", "workspaceExternalId", "memberExternalId"].includes(key),
        ),
      ),
    );
    expect(await store().outbox.claimDue(minutesAfter(T0, 1), 10, LEASE_MS)).toEqual([]);
  });

  it("GIVEN more due messages than the limit THEN only the oldest are claimed, the rest on the next call", async () => {
    await givenQueue(
      (m) => directMessage(m.id, "c", minutesAfter(T0, -1)),
      (m) => directMessage(m.id, "a", minutesAfter(T0, -3)),
      (m) => directMessage(m.id, "b", minutesAfter(T0, -2)),
    );
    const first = await store().outbox.claimDue(T0, 2, LEASE_MS);
    const second = await store().outbox.claimDue(T0, 2, LEASE_MS);
    expect(first.map((message) => message.dedupeKey)).toEqual(["a", "b"]);
    expect(second.map((message) => message.dedupeKey)).toEqual(["c"]);
  });

  it("GIVEN due messages on two platforms WHEN a process serving one claims THEN it takes only that platform's", async () => {
    const { workspace: discord, member: ada } = await givenQueue((member) => directMessage(member.id, "discord:1"));
    const slack = await givenWorkspace(store(), "T-SLACK", "SLACK");
    const bob = await givenMember(store(), slack.id, "U-BOB");
    await store().inWorkspace(slack.id, (repo) => repo.enqueue(directMessage(bob.id, "slack:1")));

    expect(await store().outbox.claimDue(T0, 10, LEASE_MS, [])).toEqual([]);
    const slackOnly = await store().outbox.claimDue(T0, 10, LEASE_MS, ["SLACK", "CONSOLE"]);
    expect(slackOnly.map((message) => message.dedupeKey)).toEqual(["slack:1"]);
    expect((await rowOf(discord, ada, "discord:1"))?.status).toBe("PENDING");
    const discordToo = await store().outbox.claimDue(T0, 10, LEASE_MS, ["DISCORD"]);
    expect(discordToo.map((message) => message.dedupeKey)).toEqual(["discord:1"]);
  });

  it("GIVEN a claimed message WHEN postponed THEN it waits until then and the attempt is not counted", async () => {
    const { workspace, member } = await givenQueue((m) => directMessage(m.id, "held:1"));
    const [claimed] = await store().outbox.claimDue(T0, 10, LEASE_MS);
    await store().outbox.postpone(claimed?.id ?? "", minutesAfter(T0, 5));
    expect(await rowOf(workspace, member, "held:1")).toMatchObject({
      status: "PENDING",
      attempts: 0,
      leaseUntil: null,
    });
    expect(await store().outbox.claimDue(minutesAfter(T0, 4), 10, LEASE_MS)).toEqual([]);
    expect(await store().outbox.claimDue(minutesAfter(T0, 5), 10, LEASE_MS)).toHaveLength(1);
  });

  it("GIVEN a claimed message WHEN its lease expires THEN it is claimed again with another attempt", async () => {
    const { workspace, member } = await givenQueue((m) => directMessage(m.id, "slow"));
    await store().outbox.claimDue(T0, 10, LEASE_MS);
    const leaseEnd = new Date(T0.getTime() + LEASE_MS);

    expect(await store().outbox.claimDue(leaseEnd, 10, LEASE_MS)).toEqual([]);
    const reclaimed = await store().outbox.claimDue(new Date(leaseEnd.getTime() + 1), 10, LEASE_MS);
    expect(reclaimed).toHaveLength(1);
    expect(reclaimed[0]).toMatchObject({ attempts: 2, leaseUntil: new Date(leaseEnd.getTime() + 1 + LEASE_MS) });
    expect((await rowOf(workspace, member, "slow"))?.attempts).toBe(2);
  });

  it("GIVEN a claimed message WHEN marked sent THEN it is done and never claimed again", async () => {
    const { workspace, member } = await givenQueue((m) => directMessage(m.id, "hello"));
    const [claimed] = await store().outbox.claimDue(T0, 10, LEASE_MS);
    const sentAt = minutesAfter(T0, 1);

    await store().outbox.markSent(claimed?.id ?? "", sentAt);

    expect(await rowOf(workspace, member, "hello")).toMatchObject({ status: "SENT", sentAt, leaseUntil: null });
    expect(await store().outbox.claimDue(minutesAfter(T0, 600), 10, LEASE_MS)).toEqual([]);
  });

  it("GIVEN a claimed message WHEN rescheduled THEN it waits until then and keeps counting attempts", async () => {
    const { workspace, member } = await givenQueue((m) => directMessage(m.id, "flaky"));
    const [claimed] = await store().outbox.claimDue(T0, 10, LEASE_MS);
    const retryAt = minutesAfter(T0, 10);

    await store().outbox.reschedule(claimed?.id ?? "", retryAt, "429 rate limited");

    expect(await rowOf(workspace, member, "flaky")).toMatchObject({
      status: "PENDING",
      nextAttemptAt: retryAt,
      lastError: "429 rate limited",
      leaseUntil: null,
      attempts: 1,
    });
    expect(await store().outbox.claimDue(minutesAfter(T0, 9), 10, LEASE_MS)).toEqual([]);
    const [again] = await store().outbox.claimDue(retryAt, 10, LEASE_MS);
    expect(again).toMatchObject({ dedupeKey: "flaky", attempts: 2 });
  });

  it("GIVEN claimed messages WHEN released THEN they are pending again without the attempt", async () => {
    const { workspace, member } = await givenQueue(
      (m) => directMessage(m.id, "one"),
      (m) => directMessage(m.id, "two"),
    );
    const claimed = await store().outbox.claimDue(T0, 10, LEASE_MS);

    await store().outbox.release(claimed.map((message) => message.id));

    for (const row of await outboxOf(workspace, member)) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 0, leaseUntil: null, nextAttemptAt: T0 });
    }
    expect(await store().outbox.claimDue(T0, 10, LEASE_MS)).toHaveLength(2);
  });

  it("GIVEN messages not claimed WHEN finished or released THEN nothing changes", async () => {
    const { workspace, member } = await givenQueue((m) => directMessage(m.id, "idle"));
    const idle = await rowOf(workspace, member, "idle");
    const id = idle?.id ?? "";

    await store().outbox.markSent(id, T0);
    await store().outbox.reschedule(id, minutesAfter(T0, 5), "late");
    await store().outbox.markFailed(id, "late", "DEAD");
    await store().outbox.release([id]);
    await store().outbox.markSent("no-such-message", T0);

    expect(await rowOf(workspace, member, "idle")).toEqual(idle);
  });

  it("GIVEN celebrations for the team, a DM and others' posts WHEN counting a member's channel posts THEN only theirs since then count", async () => {
    const workspace = await givenWorkspace(store(), "T-COUNT");
    const other = await givenWorkspace(store(), "T-COUNT-OTHER");
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const ben = await givenMember(store(), workspace.id, "U-BEN");
    const elsewhere = await givenMember(store(), other.id, "U-ADA");
    const post = (memberId: string, key: string): NewOutboxMessage => ({
      ...channelMessage(key),
      kind: "celebration",
      memberId,
    });
    await store().inWorkspace(workspace.id, async (repo) => {
      for (const message of [
        post(ada.id, "post:1"),
        post(ada.id, "post:2"),
        post(ben.id, "post:3"),
        { ...post(ada.id, "cheer:1"), kind: "encouragement" },
        directMessage(ada.id, "dm:1"),
      ]) {
        expect(await repo.enqueue(message)).toBe(true);
      }
    });
    await store().inWorkspace(other.id, (repo) => repo.enqueue(post(elsewhere.id, "post:4")));
    const count = (since: Date) => store().inWorkspace(workspace.id, (repo) => repo.countChannelPosts(ada.id, since));
    expect(await count(new Date(0))).toBe(2);
    expect(await count(new Date(Date.now() + 3_600_000))).toBe(0);
  });

  it("GIVEN failed and dead messages WHEN the member is told THEN they are no longer untold", async () => {
    const { workspace, member } = await givenQueue(
      (m) => directMessage(m.id, "failed"),
      (m) => directMessage(m.id, "dead"),
      (m) => directMessage(m.id, "sent"),
      (m) => directMessage(m.id, "waiting", minutesAfter(T0, 60)),
      () => channelMessage("channel-failed"),
    );
    const claimed = await store().outbox.claimDue(T0, 10, LEASE_MS);
    const idOf = (key: string) => claimed.find((message) => message.dedupeKey === key)?.id ?? "";
    await store().outbox.markFailed(idOf("failed"), "channel_not_found", "FAILED");
    await store().outbox.markFailed(idOf("dead"), "timeout", "DEAD");
    await store().outbox.markFailed(idOf("channel-failed"), "not_in_channel", "FAILED");
    await store().outbox.markSent(idOf("sent"), T0);

    const untold = await store().inWorkspace(workspace.id, (repo) => repo.listUntoldFailures(member.id));
    expect(untold.map((message) => [message.dedupeKey, message.status, message.lastError])).toEqual([
      ["failed", "FAILED", "channel_not_found"],
      ["dead", "DEAD", "timeout"],
    ]);

    const toldAt = minutesAfter(T0, 2);
    await store().inWorkspace(workspace.id, (repo) => repo.markFailuresTold([untold[0]?.id ?? ""], toldAt));
    const stillUntold = await store().inWorkspace(workspace.id, (repo) => repo.listUntoldFailures(member.id));
    expect(stillUntold.map((message) => message.dedupeKey)).toEqual(["dead"]);
    expect(await rowOf(workspace, member, "failed")).toMatchObject({ failureToldAt: toldAt, status: "FAILED" });
    expect(await store().outbox.claimDue(minutesAfter(T0, 600), 10, LEASE_MS)).toHaveLength(1);
  });
}
