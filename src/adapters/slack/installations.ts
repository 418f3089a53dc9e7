/** Slack OAuth installations: the adapter's storage port and the Bolt InstallationStore built on it. */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";

export interface SlackInstallationRecord {
  teamId: string;
  enterpriseId: string | null;
  botToken: string;
  botUserId: string;
  botId: string | null;
  /** Bolt's whole installation object, handed back as it was stored. */
  installation: unknown;
}

/** Where installations live (Prisma in production, a Map in tests). */
export interface SlackInstallationRepo {
  save(record: SlackInstallationRecord): Promise<void>;
  find(teamId: string): Promise<SlackInstallationRecord | null>;
  delete(teamId: string): Promise<void>;
}

/** Bolt's installation store over the repository. Org-wide (enterprise) installs are not supported. */
export function createInstallationStore(
  repo: SlackInstallationRepo,
  onInstalled: (teamId: string, teamName: string | undefined) => Promise<void>,
): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const teamId = installation.team?.id;
      if (!teamId || !installation.bot) throw new Error("Next Step needs a workspace install with a bot token");
      await repo.save({
        teamId,
        enterpriseId: installation.enterprise?.id ?? null,
        botToken: installation.bot.token,
        botUserId: installation.bot.userId,
        botId: installation.bot.id ?? null,
        installation,
      });
      await onInstalled(teamId, installation.team?.name);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = query.teamId ? await repo.find(query.teamId) : null;
      if (!record) throw new Error(`no installation for team ${query.teamId ?? "(none)"}`);
      return record.installation as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      if (query.teamId) await repo.delete(query.teamId);
    },
  };
}
