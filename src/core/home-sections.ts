/** A member's home screen: their history read once, shown as the same sections `pipeline`, `stats`, `gaps` and `settings` reply with. */

import { gapsReply } from "./commands/gaps.ts";
import { pipelineReply } from "./commands/pipeline.ts";
import { settingsReply } from "./commands/settings.ts";
import type { CommandContext } from "./commands/spec.ts";
import { statsReply } from "./commands/stats.ts";
import type { BotMessage } from "./model.ts";
import { readHistory, statsOf } from "./stats.ts";

export async function homeSections(ctx: CommandContext): Promise<BotMessage[]> {
  const history = await readHistory(ctx.repo, ctx.member.id);
  return [
    pipelineReply(history.applications, history.rounds, ctx.timeZone, ctx.now),
    statsReply(statsOf(history, ctx.now)),
    gapsReply(history.gaps),
    settingsReply(ctx.member, ctx.timeZone, ctx.now, ctx.commands),
  ];
}
