/** The objects the fake Discord answers with (guild, role, channel, member, message), with every field discord.js reads. */
import type { APIMessage, APIUser, GatewayGuildCreateDispatchData } from "discord.js";
import { MEMBER_PERMISSIONS, snowflake } from "../support/discord-payloads.ts";
import type { FakeChannelAccess, FakeGuildSpec, Json } from "./fake-discord-directory.ts";

type GuildCreate = GatewayGuildCreateDispatchData;

const VIEW_CHANNEL = 1n << 10n;
const SEND_MESSAGES = 1n << 11n;

/** A guild text channel; access limits show as the bot's own overwrite, so `permissionsFor(guild.members.me)` agrees with REST. */
export function textChannelShape(
  channel: { id: string; guildId: string; name: string; position: number; access: FakeChannelAccess },
  botUserId: string,
): Json {
  const deny = channel.access === "none" ? VIEW_CHANNEL : SEND_MESSAGES;
  return {
    id: channel.id,
    type: 0,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites:
      channel.access === "send" ? [] : [{ id: botUserId, type: 1, allow: "0", deny: String(deny) }],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function dmChannelShape(id: string, recipient: APIUser | undefined): Json {
  return { id, type: 1, last_message_id: null, flags: 0, recipients: recipient ? [recipient] : [] };
}

export function memberShape(user: APIUser | undefined, roles: string[], joinedAt: string): Json {
  return {
    user,
    roles,
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
    joined_at: joinedAt,
    pending: false,
    mute: false,
    deaf: false,
    flags: 0,
    communication_disabled_until: null,
  };
}

export function roleShape(id: string, name: string, position: number, permissions: string, extra: Json = {}): Json {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: 0,
    ...extra,
  };
}

/** The bot's managed role, as every bot added with permissions has one. */
export function botRoleShape(id: string, bot: APIUser): Json {
  return roleShape(id, bot.username, 2, MEMBER_PERMISSIONS, { managed: true, tags: { bot_id: bot.id } });
}

/** GUILD_CREATE's data: everything discord.js needs to count the guild available (roles, channels, the bot's member). */
export function guildCreateShape(
  spec: FakeGuildSpec,
  joinedAt: string,
  parts: { roles: Json[]; members: Json[]; channels: Json[] },
): GuildCreate {
  return {
    id: spec.id,
    name: spec.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: spec.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: parts.roles as unknown as GuildCreate["roles"],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: spec.channels[0]?.id ?? null,
    system_channel_flags: 0 as GuildCreate["system_channel_flags"],
    rules_channel_id: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US" as GuildCreate["preferred_locale"],
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: parts.members.length,
    voice_states: [],
    members: parts.members as unknown as GuildCreate["members"],
    channels: parts.channels as unknown as GuildCreate["channels"],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message object as Discord answers a create: the body's fields plus id, author, timestamps and empty lists. */
export function messageFrom(
  channelId: string,
  body: Json,
  author: APIUser,
  extra: Partial<APIMessage> = {},
): APIMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: typeof body.content === "string" ? body.content : "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: (body.embeds ?? []) as APIMessage["embeds"],
    components: (body.components ?? []) as APIMessage["components"],
    pinned: false,
    type: 0,
    flags: typeof body.flags === "number" ? body.flags : 0,
    ...extra,
  };
}

/** Applies an edit body to a stored message in place, as Discord does: only the fields sent change; ephemerality stays. */
export function applyEdit(message: APIMessage, body: Json): APIMessage {
  for (const key of ["content", "embeds", "components", "attachments"] as const) {
    if (key in body && body[key] !== null) Object.assign(message, { [key]: body[key] });
  }
  if (typeof body.flags === "number") message.flags = ((message.flags ?? 0) & 64) | body.flags;
  message.edited_timestamp = new Date().toISOString();
  return message;
}
