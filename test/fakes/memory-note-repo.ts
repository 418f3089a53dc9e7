/** The notes part of the in-memory workspace repository: a member's dated notes on their applications. */
import { randomUUID } from "node:crypto";
import type { Note } from "../../src/core/model.ts";
import type { Clock, WorkspaceRepo } from "../../src/core/ports.ts";
import type { RepoScope } from "./memory-repo-scope.ts";
import { byCreatedAt, copy } from "./memory-tables.ts";

type NoteMethods = Pick<WorkspaceRepo, "createNote" | "listNotes">;

export function memoryNoteMethods(scope: RepoScope, clock: Clock): NoteMethods {
  const { workspaceId, tables, writing, memberRow, applicationRow, ofMember } = scope;
  return {
    async createNote(input) {
      const wrote = writing("note.create");
      memberRow(input.memberId);
      applicationRow(input.applicationId, input.memberId);
      const note: Note = {
        id: randomUUID(),
        workspaceId,
        memberId: input.memberId,
        applicationId: input.applicationId,
        text: input.text,
        createdAt: clock.now(),
      };
      tables().notes.set(note.id, copy(note));
      wrote(1);
      return note;
    },
    async listNotes(memberId) {
      return byCreatedAt(ofMember(tables().notes, memberId)).map(copy);
    },
  };
}
