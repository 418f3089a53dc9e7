/** Store contract, part six: taking outbox rows back for an undo, and the retraction rows that delete channel posts. */
import { expect, it } from "vitest";
import { TAKEN_BACK_MARK } from "../../src/core/delivery/retraction.ts";
import type { Member, Workspace } from "../../src/core/model.ts";
import type { ClaimedMessage, NewOutboxMessage, Store } from "../../src/core/ports.ts";
import {
  channelMessage,
  directMessage,
  givenMember,
  givenWorkspace,
  minutesAfter,
  T0,
} from "../support/store-fixtures.ts";

const LEASE_MS = 60_000;
const SENT_AT = minutesAfter(T0, 1);
const UNDO_AT = minutesAfter(T0, 3);

/** A channel post about the member, as a celebration is. */
const celebration = (member: Member, dedupeKey: string): NewOutboxMessage => ({
  ...channelMessage(dedupeKey),
  kind: "celebration",
  memberId: member.id,
});

export function describeRetraction(store: () => Store): void {
  /** Queues the messages, then claims them all (T0): each test settles them into the states it needs. */
  async function givenClaimed(...messages: ((member: Member) => NewOutboxMessage)[]) {
    const workspace = await givenWorkspace(store(), "T-UNDO", "SLACK");
    const member = await givenMember(store(), workspace.id, "U-ADA");
    await store().inWorkspace(workspace.id, async (repo) => {
      for (const message of messages) expect(await repo.enqueue(message(member))).toBe(true);
    });
    const claimed = await store().outbox.claimDue(T0, 100, LEASE_MS);
    const idOf = (key: string) => claimed.find((message) => message.dedupeKey === key)?.id ?? `missing ${key}`;
    return { workspace, member, idOf };
  }
  const rowsOf = async (workspace: Workspace, member: Member) =>
    new Map(
      // Keyed by the key each row was queued under: a post taken back marks its key (see takenBackKey).
      (await store().inWorkspace(workspace.id, (repo) => repo.listOutbox(member.id))).map((row) => [
        row.dedupeKey.split(TAKEN_BACK_MARK)[0] ?? row.dedupeKey,
        row,
      ]),
    );
  const takeBack = (workspace: Workspace, ids: string[], at = UNDO_AT) =>
    store().inWorkspace(workspace.id, (repo) => repo.takeBackOutbox(ids, at));
  /** What a dispatcher would find due at `at`: the retractions among it, as claimed. */
  const claimRetractions = async (at: Date): Promise<ClaimedMessage[]> =>
    (await store().outbox.claimDue(at, 100, LEASE_MS)).filter((message) => message.kind === "retraction");

  it("GIVEN a claimed channel post WHEN marked sent with the platform's reference THEN the row keeps it", async () => {
    const { workspace, member, idOf } = await givenClaimed((m) => celebration(m, "post"));

    await store().outbox.markSent(idOf("post"), SENT_AT, "1712345678.000100");

    expect((await rowsOf(workspace, member)).get("post")).toMatchObject({
      status: "SENT",
      sentAt: SENT_AT,
      postedRef: "1712345678.000100",
      retractRequestedAt: null,
    });
    expect(await claimRetractions(minutesAfter(T0, 600))).toEqual([]);
  });

  it("GIVEN rows in every state WHEN taken back THEN waiting and failed ones are deleted, a sent post gets a retraction, a post in flight is marked, DMs said stay", async () => {
    const { workspace, member, idOf } = await givenClaimed(
      (m) => celebration(m, "post-waiting"),
      (m) => directMessage(m.id, "dm-waiting"),
      (m) => celebration(m, "post-sent"),
      (m) => celebration(m, "post-sending"),
      (m) => directMessage(m.id, "dm-sent"),
      (m) => directMessage(m.id, "dm-sending"),
      (m) => directMessage(m.id, "dm-failed"),
      (m) => celebration(m, "post-kept"),
    );
    await store().outbox.release([idOf("post-waiting"), idOf("dm-waiting"), idOf("post-kept")]);
    await store().outbox.markSent(idOf("post-sent"), SENT_AT, "ts-sent");
    await store().outbox.markSent(idOf("dm-sent"), SENT_AT);
    await store().outbox.markFailed(idOf("dm-failed"), "dm_closed: closed", "FAILED");
    const other = await givenWorkspace(store(), "T-OTHER", "SLACK");
    const otherMember = await givenMember(store(), other.id, "U-BOB");
    await store().inWorkspace(other.id, (repo) => repo.enqueue(celebration(otherMember, "elsewhere")));
    const [elsewhere] = await rowsOf(other, otherMember).then((rows) => [...rows.values()]);
    const keys = ["post-waiting", "dm-waiting", "post-sent", "post-sending", "dm-sent", "dm-sending", "dm-failed"];

    const result = await takeBack(workspace, [
      ...keys.map(idOf),
      elsewhere?.id ?? "",
      "no-such-row",
      idOf("post-sent"),
    ]);

    expect(result).toEqual({ cancelled: 2, retracting: 2 });
    const rows = await rowsOf(workspace, member);
    expect([...rows.keys()].sort()).toEqual(["dm-sending", "dm-sent", "post-kept", "post-sending", "post-sent"]);
    expect(rows.get("post-sending")).toMatchObject({ status: "SENDING", retractRequestedAt: UNDO_AT });
    for (const untouched of ["post-sent", "dm-sent", "dm-sending", "post-kept"]) {
      expect(rows.get(untouched)?.retractRequestedAt).toBeNull();
    }
    expect((await rowsOf(other, otherMember)).get("elsewhere")).toMatchObject({ status: "PENDING" });
    expect(await claimRetractions(minutesAfter(UNDO_AT, -1))).toEqual([]);
    const [retraction, ...more] = await claimRetractions(UNDO_AT);
    expect(more).toEqual([]);
    expect(retraction).toMatchObject({
      workspaceId: workspace.id,
      memberId: null,
      kind: "retraction",
      target: "CHANNEL",
      channel: "C-WINS",
      payload: { text: "", retracts: "ts-sent" },
      dedupeKey: `retraction:${idOf("post-sent")}`,
      nextAttemptAt: UNDO_AT,
      createdAt: UNDO_AT,
      platform: "SLACK",
      workspaceExternalId: workspace.externalId,
    });
  });

  it("GIVEN a post taken back while in flight WHEN marked sent THEN its retraction is queued at once, due then", async () => {
    const { workspace, idOf } = await givenClaimed(
      (m) => celebration(m, "post"),
      (m) => directMessage(m.id, "dm"),
    );
    expect(await takeBack(workspace, [idOf("post"), idOf("dm")])).toEqual({ cancelled: 0, retracting: 1 });

    const sentAt = minutesAfter(UNDO_AT, 1);
    await store().outbox.markSent(idOf("post"), sentAt, "ts-late");
    await store().outbox.markSent(idOf("dm"), sentAt);

    const retractions = await claimRetractions(sentAt);
    expect(retractions).toMatchObject([
      {
        kind: "retraction",
        channel: "C-WINS",
        payload: { retracts: "ts-late" },
        dedupeKey: `retraction:${idOf("post")}`,
        nextAttemptAt: sentAt,
      },
    ]);
  });

  it("GIVEN a post taken back twice, before and after it was sent THEN there is one retraction", async () => {
    const { workspace, idOf } = await givenClaimed((m) => celebration(m, "post"));
    await takeBack(workspace, [idOf("post")]);
    await store().outbox.markSent(idOf("post"), SENT_AT, "ts-1");

    expect(await takeBack(workspace, [idOf("post")])).toEqual({ cancelled: 0, retracting: 1 });
    expect(await takeBack(workspace, [idOf("post")])).toEqual({ cancelled: 0, retracting: 1 });

    expect(await claimRetractions(UNDO_AT)).toHaveLength(1);
  });

  it("GIVEN a post taken back in flight WHEN its send fails for now, is postponed or handed back THEN it is deleted and never goes out", async () => {
    const { workspace, member, idOf } = await givenClaimed(
      (m) => celebration(m, "rescheduled"),
      (m) => celebration(m, "postponed"),
      (m) => celebration(m, "released"),
      (m) => celebration(m, "failed"),
    );
    await takeBack(workspace, ["rescheduled", "postponed", "released", "failed"].map(idOf));

    await store().outbox.reschedule(idOf("rescheduled"), minutesAfter(T0, 5), "http_500: boom");
    await store().outbox.postpone(idOf("postponed"), minutesAfter(T0, 5));
    await store().outbox.release([idOf("released")]);
    await store().outbox.markFailed(idOf("failed"), "channel_not_found: gone", "FAILED");

    expect([...(await rowsOf(workspace, member)).keys()]).toEqual(["failed"]);
    expect(await store().outbox.claimDue(minutesAfter(T0, 600), 100, LEASE_MS)).toEqual([]);
  });

  it("GIVEN a post in flight taken back WHEN marked sent without a reference THEN nothing can be retracted and nothing is queued", async () => {
    const { workspace, idOf } = await givenClaimed((m) => celebration(m, "post"));
    await takeBack(workspace, [idOf("post")]);

    await store().outbox.markSent(idOf("post"), SENT_AT);

    expect(await claimRetractions(minutesAfter(T0, 600))).toEqual([]);
  });

  it("GIVEN a unit of work that only reads WHEN it takes rows back THEN it is refused and nothing changes", async () => {
    const { workspace, member, idOf } = await givenClaimed((m) => celebration(m, "post"));
    await store().outbox.release([idOf("post")]);
    const before = await rowsOf(workspace, member);

    const refused = store().inWorkspaceAs(workspace.id, member.externalId, { readOnly: true }, async (repo) => ({
      commit: true,
      value: await repo.takeBackOutbox([idOf("post")], UNDO_AT),
    }));

    await expect(refused).rejects.toThrow(/only read/);
    expect(await rowsOf(workspace, member)).toEqual(before);
  });
}
