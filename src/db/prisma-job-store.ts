/** The jobs' storage through Prisma: one set-based query per job (relations loaded in the same round trips), batched inserts. */
import type { Member, Workspace } from "../core/model.ts";
import type { JobStore, WeekSummary } from "../jobs/store.ts";
import type { Prisma, PrismaClient } from "./generated/client.ts";
import { newId } from "./ids.ts";
import { toJson } from "./prisma-rows.ts";

const INSERT_BATCH = 1000;
const OPEN_GAPS: Prisma.GapWhereInput = { status: { in: ["OPEN", "PRACTICING"] } };

export function createPrismaJobStore(prisma: PrismaClient): JobStore {
  const memberWithWorkspace = { include: { workspace: true } } as const;
  const split = ({ workspace, ...member }: Member & { workspace: Workspace }) => ({ member, workspace });

  return {
    async feedbackCandidates(rejectedBefore) {
      const rows = await prisma.feedbackRequest.findMany({
        where: {
          chaseCount: { lt: 2 },
          state: { in: ["NOT_ASKED", "ASKED"] },
          application: { status: "REJECTED", statusChangedAt: { lte: rejectedBefore } },
        },
        include: {
          application: {
            include: {
              member: memberWithWorkspace,
              rounds: { orderBy: { createdAt: "desc" }, take: 1 },
              reflections: { where: { personMet: { not: null } }, orderBy: { createdAt: "desc" }, take: 1 },
            },
          },
        },
      });
      return rows.map(({ application, ...request }) => {
        const { member, rounds, reflections, ...app } = application;
        return {
          ...split(member),
          application: app,
          request,
          interviewer: reflections[0]?.personMet ?? null,
          stage: rounds[0]?.stage ?? null,
        };
      });
    },

    async silentApplications(quietSince, now) {
      const rows = await prisma.application.findMany({
        where: {
          status: "ACTIVE",
          lastActivityAt: { lte: quietSince },
          rounds: { none: { outcome: "PENDING", scheduledAt: { gt: now } } },
        },
        include: { member: memberWithWorkspace, rounds: { select: { scheduledAt: true, heldAt: true } } },
      });
      return rows.flatMap(({ member, rounds, ...application }) => {
        const times = rounds
          .flatMap((round) => [round.scheduledAt, round.heldAt])
          .filter((at): at is Date => at !== null);
        const lastNewsAt = new Date(Math.max(application.lastActivityAt.getTime(), ...times.map((at) => at.getTime())));
        return lastNewsAt <= quietSince ? [{ ...split(member), application, lastNewsAt }] : [];
      });
    },

    async scheduledRounds(from, to) {
      const rows = await prisma.round.findMany({
        where: {
          outcome: "PENDING",
          scheduledAt: { gte: from, lt: to },
          application: { status: { in: ["ACTIVE", "OFFER"] } },
        },
        include: {
          application: {
            include: {
              member: { include: { workspace: true, gaps: { where: OPEN_GAPS, orderBy: { number: "asc" } } } },
            },
          },
        },
      });
      return rows.map(({ application, ...round }) => {
        const { member, ...app } = application;
        const { gaps, ...memberRow } = member;
        return { ...split(memberRow), application: app, round, openGaps: gaps.map((gap) => gap.topic) };
      });
    },

    async membersWithOpenGaps() {
      const rows = await prisma.member.findMany({
        where: { gaps: { some: OPEN_GAPS } },
        include: { workspace: true, gaps: { where: OPEN_GAPS, orderBy: { number: "asc" } } },
      });
      return rows.map(({ gaps, ...member }) => ({ ...split(member), gaps }));
    },

    workspacesWithChannel() {
      return prisma.workspace.findMany({ where: { celebrationChannel: { not: null } } });
    },

    async recentlyRejectedMembers(since) {
      const rows = await prisma.application.findMany({
        where: { status: "REJECTED", statusChangedAt: { gte: since } },
        select: { memberId: true },
        distinct: ["memberId"],
      });
      return new Set(rows.map((row) => row.memberId));
    },

    async recentTexts(workspaceId, kind, since) {
      const rows = await prisma.outbox.findMany({
        where: { workspaceId, kind, createdAt: { gte: since } },
        select: { payload: true },
      });
      return rows.map((row) => String((row.payload as { text?: unknown }).text ?? ""));
    },

    async summarizeWeek(workspaceId, from, to): Promise<WeekSummary> {
      const period = { gte: from, lt: to };
      const [invitations, roundsHeld, offers, feedbackReceived, peopleMet, thingsLearned, winners] = await Promise.all([
        prisma.round.count({ where: { workspaceId, outcome: "NEXT_STEP", outcomeAt: period } }),
        // The application itself is recorded as a passed round when invited; it is not an interview held.
        prisma.round.count({
          where: { workspaceId, heldAt: period, OR: [{ stage: null }, { stage: { not: "APPLIED" } }] },
        }),
        prisma.application.count({
          where: { workspaceId, status: { in: ["OFFER", "ACCEPTED"] }, statusChangedAt: period },
        }),
        prisma.feedbackRequest.count({ where: { workspaceId, state: "RECEIVED", receivedAt: period } }),
        prisma.reflection.count({ where: { workspaceId, personMet: { not: null }, createdAt: period } }),
        prisma.reflection.count({ where: { workspaceId, learned: { not: null }, createdAt: period } }),
        prisma.member.findMany({
          where: {
            workspaceId,
            sharing: { not: "OFF" },
            applications: {
              some: {
                OR: [
                  { rounds: { some: { outcome: "NEXT_STEP", outcomeAt: period } } },
                  { status: { in: ["OFFER", "ACCEPTED"] }, statusChangedAt: period },
                ],
              },
            },
          },
          select: { displayName: true },
          orderBy: { displayName: "asc" },
        }),
      ]);
      return {
        invitations,
        roundsHeld,
        offers,
        feedbackReceived,
        peopleMet,
        thingsLearned,
        sharingWinners: winners.map((winner) => winner.displayName),
      };
    },

    async enqueueMany(messages) {
      let created = 0;
      for (let start = 0; start < messages.length; start += INSERT_BATCH) {
        const batch = messages.slice(start, start + INSERT_BATCH).map((message) => ({
          id: newId(),
          ...message,
          payload: toJson(message.payload),
        }));
        const { count } = await prisma.outbox.createMany({ data: batch, skipDuplicates: true });
        created += count;
      }
      return created;
    },

    async purgeWorkspaces(now) {
      // Foreign keys cascade from the workspace to every row that belongs to it.
      const { count } = await prisma.workspace.deleteMany({ where: { deletionScheduledAt: { lte: now } } });
      return count;
    },

    async recordChases(chases) {
      // Few distinct counts (1 or 2): one statement per count, not per request.
      for (const chaseCount of [...new Set(chases.map((chase) => chase.chaseCount))]) {
        const ids = chases.filter((chase) => chase.chaseCount === chaseCount).map((chase) => chase.requestId);
        await prisma.feedbackRequest.updateMany({
          where: { id: { in: ids }, chaseCount: { lt: chaseCount } },
          // A chase answers any snooze set before it; only a snooze of this chase brings one more.
          data: { chaseCount, snoozedUntil: null },
        });
      }
    },
  };
}
