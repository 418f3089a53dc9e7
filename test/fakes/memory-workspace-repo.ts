/** The in-memory twin of the Prisma workspace repository: every lookup checks the row's workspace. */

import { randomUUID } from "node:crypto";
import { companyKey as keyOfCompany, roleKey as keyOfRole } from "../../src/core/companies.ts";
import { defaultMemberSettings } from "../../src/core/member-settings.ts";
import { withoutMention } from "../../src/core/mentions.ts";
import type { Application, FeedbackRequest, Gap, Member, Reflection, Round } from "../../src/core/model.ts";
import type { WorkspaceRepo } from "../../src/core/ports.ts";
import { memoryJournalMethods } from "./memory-journal.ts";
import { memoryNoteMethods } from "./memory-note-repo.ts";
import { memoryOutboxMethods } from "./memory-outbox-repo.ts";
import { createRepoScope, type MemoryRepoContext } from "./memory-repo-scope.ts";
import {
  byCreatedAt,
  copy,
  definedOnly,
  deleteApplicationsCascade,
  deleteRoundsCascade,
  deleteWhere,
  notFound,
} from "./memory-tables.ts";

export function createMemoryWorkspaceRepo(workspaceId: string, context: MemoryRepoContext): WorkspaceRepo {
  const { clock } = context;
  const scope = createRepoScope(workspaceId, context);
  const { tables, writing, scoped, memberRow, roundRow, applicationRow, memberByExternalId, ofMember } = scope;

  return {
    workspaceId,

    async getWorkspace() {
      const workspace = tables().workspaces.get(workspaceId);
      if (!workspace) throw notFound("Workspace", workspaceId);
      return copy(workspace);
    },
    async updateWorkspace(patch) {
      const wrote = writing("workspace.update");
      const workspace = tables().workspaces.get(workspaceId);
      if (!workspace) throw notFound("Workspace", workspaceId);
      Object.assign(workspace, definedOnly(copy(patch)));
      wrote(1);
      return copy(workspace);
    },

    async findMember(externalId) {
      const member = memberByExternalId(externalId);
      return member ? copy(member) : null;
    },
    async ensureMember(input) {
      const existing = memberByExternalId(input.externalId);
      if (existing) return copy(existing);
      const wrote = writing("member.createMany");
      const member: Member = {
        id: randomUUID(),
        workspaceId,
        externalId: input.externalId,
        displayName: input.displayName,
        ...defaultMemberSettings(),
        timezone: input.timezone ?? null,
        createdAt: clock.now(),
      };
      tables().members.set(member.id, member);
      wrote(1);
      return copy(member);
    },
    async updateMember(memberId, patch) {
      const wrote = writing("member.update");
      const member = memberRow(memberId);
      Object.assign(member, definedOnly(copy(patch)));
      wrote(1);
      return copy(member);
    },
    async deleteMember(memberId) {
      const wrote = writing("member.deleteMany");
      memberRow(memberId);
      const all = tables();
      const applicationIds = new Set(ofMember(all.applications, memberId).map((application) => application.id));
      deleteApplicationsCascade(all, applicationIds);
      deleteWhere(all.reflections, (reflection) => reflection.memberId === memberId);
      deleteWhere(all.gaps, (gap) => gap.memberId === memberId);
      deleteWhere(all.outbox, (message) => message.memberId === memberId);
      for (const message of all.outbox.values()) {
        const redacted = message.workspaceId === workspaceId ? withoutMention(message.payload, memberId) : null;
        if (redacted) message.payload = redacted;
      }
      deleteWhere(all.changes, (change) => change.memberId === memberId);
      deleteWhere(all.notes, (note) => note.memberId === memberId);
      all.members.delete(memberId);
      // As in Postgres, the cascade to the member's rows is part of deleting the one member row.
      wrote(1);
    },

    async listApplications(memberId) {
      return byCreatedAt(ofMember(tables().applications, memberId)).map(copy);
    },
    async createApplication(input) {
      const wrote = writing("application.createMany");
      memberRow(input.memberId);
      const companyKey = keyOfCompany(input.company);
      const roleKey = keyOfRole(input.role);
      const taken = (row: Application) => row.companyKey === companyKey && row.roleKey === roleKey;
      if (ofMember(tables().applications, input.memberId).some(taken)) {
        throw new Error(`Member ${input.memberId} already has an application at ${input.company} for that role`);
      }
      const application: Application = {
        id: randomUUID(),
        workspaceId,
        memberId: input.memberId,
        company: input.company,
        companyKey,
        role: input.role,
        roleKey,
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
      tables().applications.set(application.id, copy(application));
      wrote(1);
      return application;
    },
    async updateApplication(applicationId, patch) {
      const wrote = writing("application.update");
      const application = applicationRow(applicationId);
      const companyKey = patch.company === undefined ? application.companyKey : keyOfCompany(patch.company);
      const roleKey = patch.role === undefined ? application.roleKey : keyOfRole(patch.role);
      const clash = ofMember(tables().applications, application.memberId).some(
        (row) => row.id !== application.id && row.companyKey === companyKey && row.roleKey === roleKey,
      );
      // As the unique index on (memberId, companyKey, roleKey) in Postgres refuses it.
      if (clash) throw new Error(`Member ${application.memberId} already has an application there for that role`);
      Object.assign(application, definedOnly(copy(patch)), { companyKey, roleKey });
      wrote(1);
      return copy(application);
    },
    async deleteApplication(applicationId) {
      const wrote = writing("application.deleteMany");
      applicationRow(applicationId);
      deleteApplicationsCascade(tables(), new Set([applicationId]));
      wrote(1);
    },

    async listRounds(applicationIds) {
      const wanted = new Set(applicationIds);
      const rounds = [...tables().rounds.values()].filter(
        (round) => round.workspaceId === workspaceId && wanted.has(round.applicationId),
      );
      return byCreatedAt(rounds).map(copy);
    },
    async createRound(input) {
      const wrote = writing("round.create");
      applicationRow(input.applicationId);
      const round: Round = {
        id: randomUUID(),
        workspaceId,
        applicationId: input.applicationId,
        stage: input.stage,
        scheduledAt: input.scheduledAt,
        heldAt: input.heldAt,
        outcome: input.outcome ?? "PENDING",
        outcomeAt: input.outcomeAt ?? null,
        createdAt: clock.now(),
      };
      tables().rounds.set(round.id, copy(round));
      wrote(1);
      return round;
    },
    async updateRound(roundId, patch) {
      const wrote = writing("round.update");
      const round = roundRow(roundId);
      Object.assign(round, definedOnly(copy(patch)));
      wrote(1);
      return copy(round);
    },
    async deleteRound(roundId) {
      const wrote = writing("round.deleteMany");
      roundRow(roundId);
      deleteRoundsCascade(tables(), (round) => round.id === roundId);
      wrote(1);
    },

    async listFeedback(applicationIds) {
      const wanted = new Set(applicationIds);
      const requests = [...tables().feedback.values()].filter(
        (request) => request.workspaceId === workspaceId && wanted.has(request.applicationId),
      );
      return byCreatedAt(requests).map(copy);
    },
    async upsertFeedback(applicationId, patch) {
      const wrote = writing("feedbackRequest.createMany");
      applicationRow(applicationId);
      const all = tables();
      let request = [...all.feedback.values()].find((row) => row.applicationId === applicationId);
      if (!request) {
        request = {
          id: randomUUID(),
          workspaceId,
          applicationId,
          state: "NOT_ASKED",
          askedAt: null,
          receivedAt: null,
          feedback: null,
          chaseCount: 0,
          snoozedUntil: null,
          createdAt: clock.now(),
        } satisfies FeedbackRequest;
        all.feedback.set(request.id, request);
        wrote(1);
      }
      Object.assign(request, definedOnly(copy(patch)));
      wrote(1);
      return copy(request);
    },

    async createReflection(input) {
      const wrote = writing("reflection.create");
      memberRow(input.memberId);
      if (input.applicationId !== null) applicationRow(input.applicationId, input.memberId);
      if (input.roundId !== null) applicationRow(roundRow(input.roundId).applicationId, input.memberId);
      const reflection: Reflection = {
        id: randomUUID(),
        workspaceId,
        memberId: input.memberId,
        applicationId: input.applicationId,
        roundId: input.roundId,
        personMet: input.personMet,
        learned: input.learned,
        createdAt: clock.now(),
      };
      tables().reflections.set(reflection.id, copy(reflection));
      wrote(1);
      return reflection;
    },
    async listReflections(memberId) {
      return byCreatedAt(ofMember(tables().reflections, memberId)).map(copy);
    },

    async createGap(input) {
      const wrote = writing("gap.create");
      memberRow(input.memberId);
      if (input.applicationId !== null) applicationRow(input.applicationId, input.memberId);
      const numbers = ofMember(tables().gaps, input.memberId).map((gap) => gap.number);
      const now = clock.now();
      const gap: Gap = {
        id: randomUUID(),
        workspaceId,
        memberId: input.memberId,
        applicationId: input.applicationId,
        number: Math.max(0, ...numbers) + 1,
        topic: input.topic,
        status: "OPEN",
        createdAt: now,
        updatedAt: now,
      };
      tables().gaps.set(gap.id, copy(gap));
      wrote(1);
      return gap;
    },
    async listGaps(memberId) {
      return ofMember(tables().gaps, memberId)
        .sort((a, b) => a.number - b.number)
        .map(copy);
    },
    async updateGap(gapId, patch) {
      const wrote = writing("gap.update");
      const gap = scoped(tables().gaps, gapId, "Gap");
      Object.assign(gap, definedOnly(copy(patch)));
      wrote(1);
      return copy(gap);
    },

    ...memoryNoteMethods(scope, clock),
    ...memoryOutboxMethods(scope, clock),
    ...memoryJournalMethods(scope),

    rowsWritten: scope.rowsWritten,
  };
}
