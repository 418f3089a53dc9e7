-- Workspaces whose app was removed are deleted after a grace period; Slack OAuth installations live beside them.
ALTER TABLE "Workspace" ADD COLUMN "deletionScheduledAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SlackInstallation" (
    "teamId" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "botToken" TEXT NOT NULL,
    "botUserId" TEXT NOT NULL,
    "botId" TEXT,
    "installation" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("teamId")
);
