-- Several applications at one company: a member's applications are unique per company and role (compared
-- case-insensitively, no role being a value of its own), no longer per company alone.

-- AlterTable: the role's key, "" for none, so that two applications without a role still collide.
ALTER TABLE "Application" ADD COLUMN "roleKey" TEXT NOT NULL DEFAULT '';
UPDATE "Application" SET "roleKey" = lower(regexp_replace(btrim("role"), '\s+', ' ', 'g')) WHERE "role" IS NOT NULL;
ALTER TABLE "Application" ALTER COLUMN "roleKey" DROP DEFAULT;

-- DropIndex
DROP INDEX "Application_memberId_companyKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "Application_memberId_companyKey_roleKey_key" ON "Application"("memberId", "companyKey", "roleKey");
