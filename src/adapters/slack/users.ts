/** Who a Slack user is, for the core: name, timezone, locale and admin status from users.info, cached briefly. */

import type { WebClient } from "@slack/web-api";
import type { BotUser } from "../../core/bot.ts";
import { BoundedMap } from "../../core/bounded-map.ts";
import { errorFacts } from "../../core/error-facts.ts";
import type { Logger } from "../../core/logger.ts";
import type { Clock } from "../../core/ports.ts";

const TTL_MS = 10 * 60_000;

export interface UserDirectory {
  /** The user as the core sees them; falls back to what the request said when Slack can't be asked. */
  lookup(client: WebClient, teamId: string, userId: string, fallbackName: string): Promise<BotUser>;
}

/** `capacity`: how many users are remembered; the least recently seen are asked about again. */
export function createUserDirectory(clock: Clock, logger: Logger, capacity = 10_000): UserDirectory {
  const cache = new BoundedMap<string, { user: BotUser; until: number }>(capacity);
  return {
    async lookup(client, teamId, userId, fallbackName) {
      const key = `${teamId}:${userId}`;
      const hit = cache.get(key);
      if (hit && hit.until > clock.now().getTime()) return hit.user;
      try {
        const { user } = await client.users.info({ user: userId, include_locale: true });
        const found: BotUser = {
          externalId: userId,
          displayName: user?.profile?.display_name || user?.real_name || user?.name || fallbackName,
          timezone: user?.tz ?? null,
          locale: user?.locale ?? null,
          isAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        };
        cache.set(key, { user: found, until: clock.now().getTime() + TTL_MS });
        return found;
      } catch (error) {
        logger.warn(
          { err: errorFacts(error), team: teamId, user: userId },
          "users.info failed; treating the user as a member",
        );
        return { externalId: userId, displayName: fallbackName, isAdmin: false };
      }
    },
  };
}
