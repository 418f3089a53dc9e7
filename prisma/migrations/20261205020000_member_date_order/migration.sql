-- How a member writes a date like 3/12 (the `dates` command): day first or month first; null until they choose.

-- CreateEnum
CREATE TYPE "DateOrder" AS ENUM ('DAY_FIRST', 'MONTH_FIRST');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "dateOrder" "DateOrder";
