/** Workspace and owner checks for ids a caller passes in, skipped for rows the transaction already saw through its own scoped queries. */
import type { Prisma } from "./generated/client.ts";
import { notFound } from "./prisma-rows.ts";

/**
 * Ids never move between workspaces or owners, so a row read or written through a workspace-scoped query of this
 * transaction needs no second look; a concurrent delete then fails the write on its foreign key instead.
 */
export function createOwnershipChecks(tx: Prisma.TransactionClient, workspaceId: string) {
  const seenMembers = new Set<string>();
  /** Application id → its member. */
  const seenApplications = new Map<string, string>();
  /** Round id → its application. */
  const seenRounds = new Map<string, string>();
  const sawMember = <T extends { id: string } | null>(member: T): T => {
    if (member) seenMembers.add(member.id);
    return member;
  };
  const sawApplications = <T extends { id: string; memberId: string }>(applications: T[]): T[] => {
    for (const application of applications) seenApplications.set(application.id, application.memberId);
    return applications;
  };
  const sawRounds = <T extends { id: string; applicationId: string }>(rounds: T[]): T[] => {
    for (const round of rounds) seenRounds.set(round.id, round.applicationId);
    return rounds;
  };

  const requireMember = async (memberId: string): Promise<void> => {
    if (seenMembers.has(memberId)) return;
    const member = await tx.member.findFirst({ where: { id: memberId, workspaceId }, select: { id: true } });
    if (!member) throw notFound("Member", memberId);
    seenMembers.add(member.id);
  };
  // The foreign keys only name the parent row, so the workspace (and owner) check has to happen here.
  const requireApplication = async (applicationId: string, memberId?: string): Promise<void> => {
    const owner = seenApplications.get(applicationId);
    if (owner !== undefined && (memberId === undefined || owner === memberId)) return;
    const application = await tx.application.findFirst({
      where: { id: applicationId, workspaceId, memberId },
      select: { id: true, memberId: true },
    });
    if (!application) throw notFound("Application", applicationId);
    sawApplications([application]);
  };
  const requireRound = async (roundId: string, memberId: string): Promise<void> => {
    const applicationId = seenRounds.get(roundId);
    if (applicationId !== undefined && seenApplications.get(applicationId) === memberId) return;
    const round = await tx.round.findFirst({
      where: { id: roundId, workspaceId, application: { memberId } },
      select: { id: true },
    });
    if (!round) throw notFound("Round", roundId);
  };

  return {
    sawMember,
    sawApplications,
    sawRounds,
    /** After a member's deletion: what cascaded with it must be checked (and not found) again. */
    forgetAll(): void {
      seenMembers.clear();
      seenApplications.clear();
      seenRounds.clear();
    },
    requireMember,
    requireApplication,
    requireRound,
  };
}
