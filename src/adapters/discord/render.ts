/** Renders the core's neutral messages as Discord embeds with buttons; moments become `<t:unix:F>` (a day: `<t:unix:D>`). */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { BotButton, BotMessage } from "../../core/model.ts";
import { mapMoments } from "../../core/moments.ts";

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  flags?: number;
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
  const message = mapMoments(original, (unix, _, dayOnly) => `<t:${unix}:${dayOnly ? "D" : "F"}>`);
  const list = (message.items ?? []).map((item) => `• ${item}`).join("\n");
  const description = toDiscordMarkdown([message.text, list].filter(Boolean).join("\n\n"));
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    description: clip(description || "\u200b", DESCRIPTION_LIMIT),
  };
  if (message.title) embed.title = clip(message.title, 256);
  if (message.fields?.length) {
    embed.fields = message.fields.slice(0, 25).map((field) => ({
      name: clip(field.label, 256),
      value: clip(toDiscordMarkdown(field.value) || "\u200b", 1024),
      inline: field.value.length <= 40,
    }));
  }
  const embeds = [embed];
  if (message.file) {
    const body = message.file.content;
    for (let start = 0; start < body.length && embeds.length < 10; start += DESCRIPTION_LIMIT - 20) {
      embeds.push({
        title: message.file.name,
        description: `\`\`\`json\n${body.slice(start, start + DESCRIPTION_LIMIT - 20)}\n\`\`\``,
      });
    }
  }
  const components =
    binding && message.buttons?.length ? buttonRows(message.buttons, binding.guildId, binding.owner) : [];
  return { embeds, components, ...(message.private ? { flags: EPHEMERAL } : {}) };
}
