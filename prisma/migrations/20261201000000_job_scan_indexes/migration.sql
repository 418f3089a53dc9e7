-- Indexes for the scheduled jobs' set-based scans and for deleting a workspace: every job reads a time window
-- through an index, and the cascades from a deleted workspace, application or round find their rows by index.

-- CreateIndex
CREATE INDEX "Application_status_statusChangedAt_idx" ON "Application"("status", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Round_scheduledAt_idx" ON "Round"("scheduledAt");

-- CreateIndex
CREATE INDEX "Round_workspaceId_heldAt_idx" ON "Round"("workspaceId", "heldAt");

-- CreateIndex
CREATE INDEX "Round_workspaceId_outcomeAt_idx" ON "Round"("workspaceId", "outcomeAt");

-- CreateIndex
CREATE INDEX "Reflection_applicationId_createdAt_idx" ON "Reflection"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Reflection_roundId_idx" ON "Reflection"("roundId");

-- CreateIndex
CREATE INDEX "Reflection_workspaceId_createdAt_idx" ON "Reflection"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Gap_applicationId_idx" ON "Gap"("applicationId");

-- CreateIndex
CREATE INDEX "Gap_workspaceId_idx" ON "Gap"("workspaceId");

-- CreateIndex
CREATE INDEX "Outbox_workspaceId_kind_createdAt_idx" ON "Outbox"("workspaceId", "kind", "createdAt");
