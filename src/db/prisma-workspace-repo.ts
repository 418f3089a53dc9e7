/** The workspace repository over a Prisma transaction: every query carries the workspace id. */
import { companyKey, roleKey } from "../core/companies.ts";
import type { Application, Gap, Member, Workspace } from "../core/model.ts";
import type { Clock, WorkspaceRepo } from "../core/ports.ts";
import type { Prisma } from "./generated/client.ts";
import { newId } from "./ids.ts";
import { prismaJournalMethods } from "./prisma-journal.ts";
import { prismaOutboxMethods, redactMentions } from "./prisma-outbox-repo.ts";
import { takeBackOutbox } from "./prisma-outbox-take-back.ts";
import { createOwnershipChecks } from "./prisma-ownership.ts";
import { notFound, oldestFirst, orNotFound } from "./prisma-rows.ts";
import { countWrites } from "./prisma-write-count.ts";

/**
 * `workspace` is the row as this transaction first read it; getWorkspace() returns it until updateWorkspace() changes
 * it. `member`, when given, was read in this transaction too, so its own rows need no ownership check. With
 * `readOnly` (no transaction holds the work) every write throws before it reaches the database.
 */
export function createPrismaWorkspaceRepo(
  client: Prisma.TransactionClient,
  workspace: Workspace,
  clock: Clock,
  member?: Member | null,
  options: { readOnly: boolean } = { readOnly: false },
): WorkspaceRepo {
  const writes = countWrites(client, options);
  const tx = writes.client;
  const workspaceId = workspace.id;
  let current = workspace;
  const { sawMember, sawApplications, sawRounds, forgetAll, requireMember, requireApplication, requireRound } =
    createOwnershipChecks(tx, workspaceId);
  sawMember(member ?? null);
  const memberByExternalId = async (externalId: string) =>
    sawMember(await tx.member.findUnique({ where: { workspaceId_externalId: { workspaceId, externalId } } }));
  return {
    workspaceId,
    ...prismaJournalMethods(tx, workspaceId, clock, forgetAll),

    async getWorkspace() {
      return { ...current };
    },
    async updateWorkspace(patch) {
      current = await orNotFound(
        "Workspace",
        workspaceId,
        tx.workspace.update({ where: { id: workspaceId }, data: patch }),
      );
      return { ...current };
    },

    findMember: memberByExternalId,
    async ensureMember(input) {
      const existing = await memberByExternalId(input.externalId);
      if (existing) return existing;
      // Two first messages from one person can race; skipping the duplicate keeps the transaction usable.
      await tx.member.createMany({
        data: [
          {
            id: newId(),
            workspaceId,
            externalId: input.externalId,
            displayName: input.displayName,
            timezone: input.timezone ?? null,
            createdAt: clock.now(),
          },
        ],
        skipDuplicates: true,
      });
      return sawMember(
        await tx.member.findUniqueOrThrow({
          where: { workspaceId_externalId: { workspaceId, externalId: input.externalId } },
        }),
      );
    },
    async updateMember(memberId, patch) {
      return sawMember(
        await orNotFound("Member", memberId, tx.member.update({ where: { id: memberId, workspaceId }, data: patch })),
      );
    },
    async deleteMember(memberId) {
      // The foreign keys cascade to applications, rounds, feedback, reflections, gaps and outbox rows; team posts
      // that name the member without being theirs (the digest) are rewritten without them.
      await redactMentions(tx, workspaceId, memberId);
      const { count } = await tx.member.deleteMany({ where: { id: memberId, workspaceId } });
      if (count === 0) throw notFound("Member", memberId);
      forgetAll();
    },

    async listApplications(memberId) {
      return sawApplications(await tx.application.findMany({ where: { workspaceId, memberId }, orderBy: oldestFirst }));
    },
    async createApplication(input) {
      await requireMember(input.memberId);
      const application: Application = {
        id: newId(),
        workspaceId,
        memberId: input.memberId,
        company: input.company,
        companyKey: companyKey(input.company),
        role: input.role,
        roleKey: roleKey(input.role),
        link: input.link,
        source: input.source ?? null,
        status: "ACTIVE",
        appliedAt: input.appliedAt,
        lastActivityAt: input.appliedAt,
        statusChangedAt: input.appliedAt,
        impression: null,
        impressionNotes: null,
        createdAt: clock.now(),
      };
      // A failed INSERT would abort the Postgres transaction; ON CONFLICT DO NOTHING lets the caller recover.
      const { count } = await tx.application.createMany({ data: [application], skipDuplicates: true });
      if (count === 0) {
        throw new Error(`Member ${input.memberId} already has an application at ${input.company} for that role`);
      }
      sawApplications([application]);
      return { ...application };
    },
    async updateApplication(applicationId, patch) {
      const data = patch.company === undefined ? patch : { ...patch, companyKey: companyKey(patch.company) };
      const application = await orNotFound(
        "Application",
        applicationId,
        tx.application.update({
          where: { id: applicationId, workspaceId },
          // The keys follow the names, so the uniqueness per company and role stays true after an edit.
          data: patch.role === undefined ? data : { ...data, roleKey: roleKey(patch.role) },
        }),
      );
      sawApplications([application]);
      return application;
    },
    async deleteApplication(applicationId) {
      // The foreign keys cascade to rounds, feedback and notes, and set reflections' and gaps' application to null.
      const { count } = await tx.application.deleteMany({ where: { id: applicationId, workspaceId } });
      if (count === 0) throw notFound("Application", applicationId);
      forgetAll();
    },

    async listRounds(applicationIds) {
      if (applicationIds.length === 0) return [];
      return sawRounds(
        await tx.round.findMany({
          where: { workspaceId, applicationId: { in: applicationIds } },
          orderBy: oldestFirst,
        }),
      );
    },
    async createRound(input) {
      await requireApplication(input.applicationId);
      const round = await tx.round.create({
        data: {
          id: newId(),
          workspaceId,
          applicationId: input.applicationId,
          stage: input.stage,
          scheduledAt: input.scheduledAt,
          heldAt: input.heldAt,
          outcome: input.outcome ?? "PENDING",
          outcomeAt: input.outcomeAt ?? null,
          createdAt: clock.now(),
        },
      });
      sawRounds([round]);
      return round;
    },
    async updateRound(roundId, patch) {
      const round = await orNotFound(
        "Round",
        roundId,
        tx.round.update({ where: { id: roundId, workspaceId }, data: patch }),
      );
      sawRounds([round]);
      return round;
    },

    async deleteRound(roundId) {
      // Reflections on the round keep their application; the round's foreign key sets theirs to null.
      const { count } = await tx.round.deleteMany({ where: { id: roundId, workspaceId } });
      if (count === 0) throw notFound("Round", roundId);
    },

    async listFeedback(applicationIds) {
      if (applicationIds.length === 0) return [];
      return tx.feedbackRequest.findMany({
        where: { workspaceId, applicationId: { in: applicationIds } },
        orderBy: oldestFirst,
      });
    },
    async upsertFeedback(applicationId, patch) {
      await requireApplication(applicationId);
      await tx.feedbackRequest.createMany({
        data: [{ id: newId(), workspaceId, applicationId, createdAt: clock.now() }],
        skipDuplicates: true,
      });
      return tx.feedbackRequest.update({ where: { applicationId, workspaceId }, data: patch });
    },

    async createReflection(input) {
      await requireMember(input.memberId);
      if (input.applicationId !== null) await requireApplication(input.applicationId, input.memberId);
      if (input.roundId !== null) await requireRound(input.roundId, input.memberId);
      const { memberId, applicationId, roundId, personMet, learned } = input;
      return tx.reflection.create({
        data: {
          id: newId(),
          workspaceId,
          memberId,
          applicationId,
          roundId,
          personMet,
          learned,
          createdAt: clock.now(),
        },
      });
    },
    listReflections(memberId) {
      return tx.reflection.findMany({ where: { workspaceId, memberId }, orderBy: oldestFirst });
    },

    async createNote(input) {
      await requireMember(input.memberId);
      await requireApplication(input.applicationId, input.memberId);
      const { memberId, applicationId, text } = input;
      return tx.note.create({
        data: { id: newId(), workspaceId, memberId, applicationId, text, createdAt: clock.now() },
      });
    },
    listNotes(memberId) {
      return tx.note.findMany({ where: { workspaceId, memberId }, orderBy: oldestFirst });
    },

    async createGap(input) {
      // Locking the member serialises gap creation per member, so two transactions cannot pick the same number.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Member" WHERE id = ${input.memberId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
      if (locked.length === 0) throw notFound("Member", input.memberId);
      if (input.applicationId !== null) await requireApplication(input.applicationId, input.memberId);
      const { _max } = await tx.gap.aggregate({
        where: { workspaceId, memberId: input.memberId },
        _max: { number: true },
      });
      const now = clock.now();
      const gap: Gap = {
        id: newId(),
        workspaceId,
        memberId: input.memberId,
        applicationId: input.applicationId,
        number: (_max.number ?? 0) + 1,
        topic: input.topic,
        status: "OPEN",
        createdAt: now,
        updatedAt: now,
      };
      return tx.gap.create({ data: gap });
    },
    listGaps(memberId) {
      return tx.gap.findMany({ where: { workspaceId, memberId }, orderBy: { number: "asc" } });
    },
    updateGap(gapId, patch) {
      return orNotFound("Gap", gapId, tx.gap.update({ where: { id: gapId, workspaceId }, data: patch }));
    },

    ...prismaOutboxMethods(tx, workspaceId, clock, requireMember),
    takeBackOutbox: (messageIds, now) => takeBackOutbox(tx, workspaceId, messageIds, now),

    rowsWritten: writes.rowsWritten,
  };
}
