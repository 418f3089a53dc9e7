-- Channel posts can be taken back (issue 13): the platform's reference of a posted message, and an undo's request
-- that arrived while the post was being sent.
ALTER TABLE "Outbox" ADD COLUMN "postedRef" TEXT;
ALTER TABLE "Outbox" ADD COLUMN "retractRequestedAt" TIMESTAMPTZ(3);
