-- Workspace-chosen times for the weekly encouragement and the weekly digest (day 0 = Sunday, hour 0-23, workspace time).
ALTER TABLE "Workspace" ADD COLUMN "weeklyDay" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "weeklyHour" INTEGER NOT NULL DEFAULT 9,
ADD COLUMN "digestDay" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN "digestHour" INTEGER NOT NULL DEFAULT 16;
