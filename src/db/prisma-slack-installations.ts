/** Slack OAuth installations through Prisma. */
import type { SlackInstallationRepo } from "../adapters/slack/installations.ts";
import type { Prisma, PrismaClient } from "./generated/client.ts";

export function createPrismaSlackInstallations(prisma: PrismaClient): SlackInstallationRepo {
  return {
    async save(record) {
      const data = {
        enterpriseId: record.enterpriseId,
        botToken: record.botToken,
        botUserId: record.botUserId,
        botId: record.botId,
        installation: record.installation as Prisma.InputJsonValue,
        updatedAt: new Date(),
      };
      await prisma.slackInstallation.upsert({
        where: { teamId: record.teamId },
        create: { teamId: record.teamId, ...data },
        update: data,
      });
    },
    async find(teamId) {
      const row = await prisma.slackInstallation.findUnique({ where: { teamId } });
      return row && { ...row, installation: row.installation as unknown };
    },
    async delete(teamId) {
      await prisma.slackInstallation.deleteMany({ where: { teamId } });
    },
  };
}
