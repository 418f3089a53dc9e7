/** The gateway payloads Discord sends a bot (INTERACTION_CREATE for commands, autocomplete and buttons; GUILD_DELETE), shaped as discord.js reads them. */
import { randomBytes } from "node:crypto";
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageTopLevelComponent,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  type GatewayGuildDeleteDispatchData,
  type GuildMemberFlags,
  InteractionContextType,
  InteractionType,
  type Locale,
  MessageFlags,
  MessageType,
  type UserFlags,
} from "discord.js";

const DISCORD_EPOCH = 1_420_070_400_000n;
/** What an ordinary member may do: view, send, embed, attach, read history, react, use application commands. */
export const MEMBER_PERMISSIONS = String(
  (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 6n) | (1n << 31n),
);
/** MANAGE_GUILD (1 << 5) on top of the ordinary member's permissions: who may set the celebration channel. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
/** Discord's attachment limit for an unboosted guild, sent on every interaction. */
const ATTACHMENT_SIZE_LIMIT = 10_485_760;

let lastSnowflake = 0n;

/** A fresh, increasing snowflake as Discord mints them (milliseconds since 2015 shifted left 22 bits). */
export function snowflake(at: number = Date.now()): string {
  const candidate = (BigInt(at) - DISCORD_EPOCH) << 22n;
  lastSnowflake = candidate > lastSnowflake ? candidate : lastSnowflake + 1n;
  return String(lastSnowflake);
}

/** An interaction token: opaque, URL-safe, unique. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(48).toString("base64url")}`;
}

export interface DiscordUserSpec {
  id: string;
  username: string;
  globalName?: string | null;
}

/** A user object as Discord embeds it in interactions and messages. */
export function discordUser(spec: DiscordUserSpec, bot = false): APIUser {
  return {
    id: spec.id,
    username: spec.username,
    discriminator: "0",
    global_name: spec.globalName === undefined ? (bot ? null : spec.username) : spec.globalName,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

/** Where an interaction happened and who did it; guild interactions carry `member`, DM ones `user`. */
interface InteractionOrigin {
  id?: string;
  token?: string;
  applicationId: string;
  user: DiscordUserSpec;
  /** Omit for an interaction in the bot's DM (context BotDM, no guild_id, `user` instead of `member`). */
  guildId?: string;
  /** The guild text channel; in DMs the member's DM channel id (a fresh one unless given). */
  channelId?: string;
  /** The member's guild permissions as a bitfield string, e.g. `MANAGER_PERMISSIONS`; `MEMBER_PERMISSIONS` by default. */
  memberPermissions?: string;
  /** The bot's own permissions in the channel; `MEMBER_PERMISSIONS` by default. */
  appPermissions?: string;
  locale?: `${Locale}`;
}

export interface CommandOptionSpec {
  name: string;
  value: string | number | boolean;
  /** Inferred when omitted: strings 3, integers 4, other numbers 10, booleans 5. */
  type?: ApplicationCommandOptionType;
}

export interface ChatInputSpec extends InteractionOrigin {
  /** `nextstep` unless given. */
  name?: string;
  commandId?: string;
  /** The subcommand, e.g. `apply`; omit for a command without subcommands. */
  subcommand?: string;
  /** The group the subcommand sits in, e.g. `settings` for `/nextstep settings tz`. */
  subcommandGroup?: string;
  options?: CommandOptionSpec[];
}

export interface AutocompleteSpec extends ChatInputSpec {
  /** The option being typed into; `value` is the partial text so far. */
  focused: { name: string; value: string; type?: ApplicationCommandOptionType };
}

export interface ButtonSpec extends InteractionOrigin {
  customId: string;
  /** The bot's message the button is on: by default an ephemeral reply in a guild, a plain message in a DM. */
  message?: {
    id?: string;
    content?: string;
    components?: APIMessageTopLevelComponent[];
    /** True for a button on an ephemeral reply (flags 64). */
    ephemeral?: boolean;
  };
  /** The bot's user id, author of the message; the application id unless given (true of every modern bot). */
  botUserId?: string;
}

/** A `/nextstep <subcommand>` invocation as INTERACTION_CREATE delivers it. */
export function chatInputInteraction(spec: ChatInputSpec): APIChatInputApplicationCommandInteraction {
  return {
    ...origin(spec),
    type: InteractionType.ApplicationCommand,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name ?? "nextstep",
      type: ApplicationCommandType.ChatInput,
      ...commandOptions(spec.subcommand, (spec.options ?? []).map(optionData), spec.subcommandGroup),
      ...(spec.guildId === undefined ? {} : { guild_id: spec.guildId }),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** Typing into an autocomplete option: the other options so far plus the focused one with `focused: true`. */
export function autocompleteInteraction(spec: AutocompleteSpec): APIApplicationCommandAutocompleteInteraction {
  const focused = { ...optionData(spec.focused), value: spec.focused.value, focused: true };
  return {
    ...origin(spec),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name ?? "nextstep",
      type: ApplicationCommandType.ChatInput,
      ...commandOptions(spec.subcommand, [...(spec.options ?? []).map(optionData), focused], spec.subcommandGroup),
      ...(spec.guildId === undefined ? {} : { guild_id: spec.guildId }),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** A click on a button of one of the bot's messages (an ephemeral reply, a channel post or a DM). */
export function buttonInteraction(spec: ButtonSpec): APIMessageComponentButtonInteraction {
  const base = origin(spec);
  const ephemeral = spec.message?.ephemeral ?? spec.guildId !== undefined;
  const message: APIMessage = {
    id: spec.message?.id ?? snowflake(),
    channel_id: base.channel.id,
    author: discordUser({ id: spec.botUserId ?? spec.applicationId, username: "Next Step" }, true),
    content: spec.message?.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: ephemeral ? MessageType.ChatInputCommand : MessageType.Default,
    flags: (ephemeral ? MessageFlags.Ephemeral : 0) as MessageFlags,
    components: spec.message?.components ?? [buttonRow(spec.customId)],
    application_id: spec.applicationId,
    ...(ephemeral ? { webhook_id: spec.applicationId } : {}),
  };
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: { custom_id: spec.customId, component_type: ComponentType.Button },
    message,
  } as APIMessageComponentButtonInteraction;
}

/**
 * GUILD_DELETE's data. Without `unavailable` (as here by default) the bot was removed from the guild and discord.js
 * emits `guildDelete`; with `unavailable: true` it is an outage and discord.js emits `guildUnavailable` instead.
 */
export function guildDelete(guildId: string, options: { unavailable?: boolean } = {}): GatewayGuildDeleteDispatchData {
  return options.unavailable ? { id: guildId, unavailable: true } : { id: guildId };
}

function origin(spec: InteractionOrigin) {
  const user = discordUser(spec.user);
  const common = {
    id: spec.id ?? snowflake(),
    application_id: spec.applicationId,
    token: spec.token ?? interactionToken(),
    version: 1 as const,
    app_permissions: spec.appPermissions ?? MEMBER_PERMISSIONS,
    locale: spec.locale ?? "en-US",
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };
  if (spec.guildId === undefined) {
    const channelId = spec.channelId ?? snowflake();
    return {
      ...common,
      channel_id: channelId,
      channel: { id: channelId, type: ChannelType.DM as const, last_message_id: null, flags: 0, recipients: [user] },
      user,
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { "0": "0" },
    };
  }
  const channelId = spec.channelId ?? snowflake();
  return {
    ...common,
    guild_id: spec.guildId,
    guild: { id: spec.guildId, locale: spec.locale ?? "en-US", features: [] },
    guild_locale: spec.locale ?? "en-US",
    channel_id: channelId,
    channel: guildTextChannel(channelId, spec.guildId),
    member: guildMember(user, spec.memberPermissions ?? MEMBER_PERMISSIONS),
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { "0": spec.guildId },
  };
}

function guildTextChannel(id: string, guildId: string) {
  return {
    id,
    type: ChannelType.GuildText as const,
    guild_id: guildId,
    name: "general",
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

function guildMember(user: APIUser, permissions: string): APIInteractionGuildMember {
  return {
    user,
    roles: [],
    permissions,
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    pending: false,
    mute: false,
    deaf: false,
    flags: 0 as GuildMemberFlags,
    communication_disabled_until: null,
  };
}

function commandOptions(subcommand: string | undefined, options: unknown[], group?: string) {
  if (subcommand === undefined) return options.length === 0 ? {} : { options };
  const inner = options.length === 0 ? {} : { options };
  const sub = { name: subcommand, type: ApplicationCommandOptionType.Subcommand, ...inner };
  if (group === undefined) return { options: [sub] };
  return { options: [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }] };
}

function optionData(option: CommandOptionSpec): APIApplicationCommandInteractionDataBasicOption {
  return {
    name: option.name,
    type: option.type ?? inferType(option.value),
    value: option.value,
  } as APIApplicationCommandInteractionDataBasicOption;
}

function inferType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === "string") return ApplicationCommandOptionType.String;
  if (typeof value === "boolean") return ApplicationCommandOptionType.Boolean;
  return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
}

function buttonRow(customId: string): APIMessageTopLevelComponent {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: 1, custom_id: customId, label: "Go" }],
  };
}
