-- Private by default (issue 14): a new member's sharing is unset until their first win asks; existing members keep
-- the choice they have (every stored value stays as it is). Sharing wins anonymously is a new level.

-- AlterEnum
ALTER TYPE "Sharing" ADD VALUE 'ANONYMOUS';

-- AlterTable
ALTER TABLE "Member" ALTER COLUMN "sharing" DROP NOT NULL,
ALTER COLUMN "sharing" DROP DEFAULT;
