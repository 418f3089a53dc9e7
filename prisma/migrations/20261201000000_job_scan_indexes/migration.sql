-- The scheduled jobs' set-based scans and workspace deletion: every job reads a time window through an index, and
-- the cascades from a deleted workspace, application or round find their rows by index.

-- CreateTable: each application's last news (its activity or any round's time, whichever is latest), kept by the
-- triggers below, so the silence check reads one index range instead of aggregating every application's rounds.
CREATE TABLE "ApplicationNews" (
    "applicationId" TEXT NOT NULL,
    "lastNewsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApplicationNews_pkey" PRIMARY KEY ("applicationId")
);

-- CreateIndex
CREATE INDEX "ApplicationNews_lastNewsAt_idx" ON "ApplicationNews"("lastNewsAt");

-- AddForeignKey
ALTER TABLE "ApplicationNews" ADD CONSTRAINT "ApplicationNews_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION next_step_refresh_news(application_id TEXT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ApplicationNews" ("applicationId", "lastNewsAt")
  SELECT a.id, greatest(a."lastActivityAt", r.scheduled, r.held)
  FROM "Application" a
  CROSS JOIN LATERAL (SELECT max("scheduledAt") AS scheduled, max("heldAt") AS held FROM "Round" WHERE "applicationId" = a.id) r
  WHERE a.id = application_id
  ON CONFLICT ("applicationId") DO UPDATE SET "lastNewsAt" = excluded."lastNewsAt"
$$;

CREATE FUNCTION next_step_application_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM next_step_refresh_news(NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER application_news AFTER INSERT OR UPDATE OF "lastActivityAt" ON "Application"
FOR EACH ROW EXECUTE FUNCTION next_step_application_news();

CREATE FUNCTION next_step_round_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM next_step_refresh_news(OLD."applicationId");
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."applicationId" IS DISTINCT FROM OLD."applicationId") THEN
    PERFORM next_step_refresh_news(NEW."applicationId");
  END IF;
  RETURN NULL;
END $$;

-- A delete cascading from a deleted application or workspace (trigger depth > 0) leaves nothing to keep.
CREATE TRIGGER round_news_delete AFTER DELETE ON "Round"
FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION next_step_round_news();

CREATE TRIGGER round_news_write AFTER INSERT OR UPDATE OF "scheduledAt", "heldAt", "applicationId" ON "Round"
FOR EACH ROW EXECUTE FUNCTION next_step_round_news();

INSERT INTO "ApplicationNews" ("applicationId", "lastNewsAt")
SELECT a.id, greatest(a."lastActivityAt", r.scheduled, r.held)
FROM "Application" a
LEFT JOIN (SELECT "applicationId", max("scheduledAt") AS scheduled, max("heldAt") AS held FROM "Round" GROUP BY 1) r
  ON r."applicationId" = a.id;

-- DropIndex: nothing reads applications by workspace, status and activity any more.
DROP INDEX "Application_workspaceId_status_lastActivityAt_idx";

-- CreateIndex
CREATE INDEX "Application_status_statusChangedAt_idx" ON "Application"("status", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Round_scheduledAt_idx" ON "Round"("scheduledAt");

-- CreateIndex
CREATE INDEX "Round_workspaceId_outcomeAt_idx" ON "Round"("workspaceId", "outcomeAt");

-- CreateIndex
CREATE INDEX "Round_workspaceId_heldAt_idx" ON "Round"("workspaceId", "heldAt");

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
