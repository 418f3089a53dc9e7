/** Builders shared by the store contract sections: a workspace, a member, a seeded pipeline, outbox messages. */
import type { Member, Platform, Workspace } from "../../src/core/model.ts";
import type { NewApplication, NewOutboxMessage, Store } from "../../src/core/ports.ts";

/** A fixed moment far from the real clock, so "due" depends only on the `now` each test passes. */
export const T0 = new Date("2030-03-04T09:00:00.000Z");

export function minutesAfter(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60_000);
}

export function givenWorkspace(store: Store, externalId = "T-ACME", platform: Platform = "SLACK"): Promise<Workspace> {
  return store.ensureWorkspace({ platform, externalId, name: `Team ${externalId}` });
}

export function givenMember(store: Store, workspaceId: string, externalId = "U-ADA"): Promise<Member> {
  return store.inWorkspace(workspaceId, (repo) =>
    repo.ensureMember({ externalId, displayName: `Member ${externalId}` }),
  );
}

export function newApplication(memberId: string, company: string, appliedAt = T0): NewApplication {
  return { memberId, company, role: "Backend engineer", link: null, appliedAt };
}

export function directMessage(memberId: string, dedupeKey: string, nextAttemptAt = T0): NewOutboxMessage {
  return {
    kind: "celebration",
    target: "DIRECT",
    memberId,
    channel: null,
    payload: { text: `hello ${dedupeKey}` },
    dedupeKey,
    nextAttemptAt,
  };
}

export function channelMessage(dedupeKey: string, nextAttemptAt = T0): NewOutboxMessage {
  return {
    kind: "encouragement",
    target: "CHANNEL",
    memberId: null,
    channel: "C-WINS",
    payload: { text: `team ${dedupeKey}` },
    dedupeKey,
    nextAttemptAt,
  };
}

export interface SeededPipeline {
  member: Member;
  applicationId: string;
  roundId: string;
  gapId: string;
}

/** One member with a row in every table that belongs to a member. */
export async function givenPipeline(store: Store, workspaceId: string, externalId: string): Promise<SeededPipeline> {
  return store.inWorkspace(workspaceId, async (repo) => {
    const member = await repo.ensureMember({ externalId, displayName: externalId });
    const application = await repo.createApplication(newApplication(member.id, "Globex"));
    const round = await repo.createRound({
      applicationId: application.id,
      stage: "SCREEN",
      scheduledAt: T0,
      heldAt: null,
    });
    await repo.upsertFeedback(application.id, { state: "ASKED", askedAt: T0 });
    await repo.createReflection({
      memberId: member.id,
      applicationId: application.id,
      roundId: round.id,
      personMet: "Hiring manager",
      learned: "Practise system design",
    });
    const gap = await repo.createGap({ memberId: member.id, applicationId: application.id, topic: "Caching" });
    await repo.enqueue(directMessage(member.id, `pipeline-${externalId}`));
    return { member, applicationId: application.id, roundId: round.id, gapId: gap.id };
  });
}
