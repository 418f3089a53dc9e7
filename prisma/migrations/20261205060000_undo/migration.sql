-- Undo (issue 13): a celebration waits a few minutes before it is posted, and each member's undoable changes are kept for a day.

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "undoWindowMinutes" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "Change" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "outboxKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "undoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Change_memberId_createdAt_idx" ON "Change"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "Change_workspaceId_idx" ON "Change"("workspaceId");

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
