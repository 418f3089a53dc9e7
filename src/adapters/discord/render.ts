/** Renders the core's neutral messages as Discord embeds with buttons; moments become `<t:unix:F>` (a day: `<t:unix:D>`). */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { type MarkupRules, mapMessageText, messageWithoutMarks, renderMarkup } from "../../core/member-text.ts";
import type { BotButton, BotMessage } from "../../core/model.ts";
import { mapMoments } from "../../core/moments.ts";

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  flags?: number;
  /** Always none: nothing the bot sends may ping anyone, whatever its text holds. */
  allowedMentions: { parse: [] };
}

/** Discord's own name for "ping nobody", for request bodies sent without discord.js's message builder. */
export const NO_MENTIONS = { parse: [] as [] };

/** A rendered message as a REST body (snake_case, as Discord reads it), with mentions off. */
export function restBody(message: DiscordMessage): Omit<DiscordMessage, "allowedMentions"> & {
  allowed_mentions: typeof NO_MENTIONS;
} {
  const { allowedMentions: _camel, ...body } = message;
  return { ...body, allowed_mentions: NO_MENTIONS };
}

export const EPHEMERAL = 64;
const CUSTOM_ID_LIMIT = 100;
const DESCRIPTION_LIMIT = 4096;
const EMBED_COLOR = 0x2f5d50;
/** Button ids start with this so one handler owns them. */
export const BUTTON_PREFIX = "ns|";

const clip = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/** Slack-style single-asterisk bold reads as italics on Discord. */
export function toDiscordMarkdown(text: string): string {
  return text.replace(/(^|[^*\w])\*([^*\n]+)\*(?![*\w])/g, "$1**$2**");
}

/**
 * Member text in Discord markdown: every markup character backslash-escaped (Discord shows the character itself),
 * `@` fenced by a zero-width space so `@everyone`, `@here` and `<@…>` stay words; inside our `code` a backtick
 * cannot close the span (backslashes would show there).
 */
export function escapeMemberMarkdown(text: string, inCode: boolean): string {
  if (inCode) return text.replace(/`/g, "\u02cb");
  return text.replace(/[\\*_~`|>[\]()#<-]/g, "\\$&").replace(/@/g, "@\u200b");
}

/** Our copy as Discord reads it: bold doubled; a stray `@everyone` or masked link (text we forgot to mark) made inert. */
function botMarkdown(text: string): string {
  return toDiscordMarkdown(text)
    .replace(/@(everyone|here)/g, "@\u200b$1")
    .replace(/\]\(/g, "]\u200b(");
}

/** Discord's rules for renderMarkup. */
export const DISCORD_MARKUP: MarkupRules = { bot: botMarkdown, member: escapeMemberMarkdown };

/** A code block's body: no triple backtick can end it early. */
const fenced = (text: string) => text.replace(/```/g, "`\u200b``");

/** What a button carries: the workspace (guild) and member it belongs to, and the command it runs. */
export interface ButtonTarget {
  guildId: string;
  owner: string;
  command: string;
}

export function encodeCustomId(target: ButtonTarget): string | undefined {
  const id = `${BUTTON_PREFIX}${target.guildId}|${target.owner}|${target.command}`;
  return id.length <= CUSTOM_ID_LIMIT ? id : undefined;
}

export function decodeCustomId(customId: string): ButtonTarget | undefined {
  if (!customId.startsWith(BUTTON_PREFIX)) return undefined;
  const [guildId, owner, ...command] = customId.slice(BUTTON_PREFIX.length).split("|");
  if (!guildId || !owner || command.length === 0) return undefined;
  return { guildId, owner, command: command.join("|") };
}

const STYLES = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger } as const;

function buttonRows(
  buttons: readonly BotButton[],
  guildId: string,
  owner: string,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const components = buttons.flatMap((button): APIButtonComponentWithCustomId[] => {
    const customId = encodeCustomId({ guildId, owner, command: button.command });
    // A command too long for Discord's 100-character id is left as a hint in the text instead.
    if (!customId) return [];
    const style = button.style ? STYLES[button.style] : ButtonStyle.Secondary;
    return [{ type: ComponentType.Button, style, label: clip(button.label, 80), custom_id: customId }];
  });
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let start = 0; start < components.length && rows.length < 5; start += 5) {
    rows.push({ type: ComponentType.ActionRow, components: components.slice(start, start + 5) });
  }
  return rows;
}

/** The message as one embed (plus code-block embeds for a file); buttons bound to `owner` in `guildId` when given. */
export function renderDiscord(original: BotMessage, binding?: { guildId: string; owner: string }): DiscordMessage {
  const withMoments = mapMoments(original, (unix, _, dayOnly) => `<t:${unix}:${dayOnly ? "D" : "F"}>`);
  const plain = messageWithoutMarks(withMoments);
  const message = mapMessageText(withMoments, (text) => renderMarkup(text, DISCORD_MARKUP));
  const list = (message.items ?? []).map((item) => `• ${item}`).join("\n");
  const description = [message.text, list].filter(Boolean).join("\n\n");
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    description: clip(description || "\u200b", DESCRIPTION_LIMIT),
  };
  if (message.title) embed.title = clip(message.title, 256);
  if (message.fields?.length) {
    embed.fields = message.fields.slice(0, 25).map((field, index) => ({
      name: clip(field.label, 256),
      value: clip(field.value || "\u200b", 1024),
      inline: (plain.fields?.[index]?.value.length ?? 0) <= 40,
    }));
  }
  const embeds = [embed];
  if (message.file) {
    const body = fenced(message.file.content);
    const title = escapeMemberMarkdown(message.file.name, false);
    for (let start = 0; start < body.length && embeds.length < 10; start += DESCRIPTION_LIMIT - 20) {
      embeds.push({
        title,
        description: `\`\`\`json\n${body.slice(start, start + DESCRIPTION_LIMIT - 20)}\n\`\`\``,
      });
    }
  }
  const components = binding && plain.buttons?.length ? buttonRows(plain.buttons, binding.guildId, binding.owner) : [];
  return {
    embeds,
    components,
    ...(message.private ? { flags: EPHEMERAL } : {}),
    allowedMentions: { parse: [] },
  };
}
