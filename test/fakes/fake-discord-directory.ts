/** What the fake Discord knows: guilds with their channels, members and roles, users, DM channels, and posted messages. */
import type { APIMessage, APIUser, GatewayGuildCreateDispatchData } from "discord.js";
import { discordUser, MEMBER_PERMISSIONS, snowflake } from "../support/discord-payloads.ts";
import {
  botRoleShape,
  dmChannelShape,
  guildCreateShape,
  memberShape,
  roleShape,
  textChannelShape,
} from "./fake-discord-shapes.ts";

export type Json = Record<string, unknown>;

/** What the bot may do in a channel: `send` (default); `read-only` answers sends with 50013; `none` answers everything with 50001. */
export type FakeChannelAccess = "send" | "read-only" | "none";

export interface FakeChannelSpec {
  id: string;
  name: string;
  access?: FakeChannelAccess;
}

export interface FakeMemberSpec {
  id: string;
  username: string;
  /** Guild permissions as a bitfield string (e.g. `"32"`, Manage Server), granted through a role of their own. */
  permissions?: string;
}

export interface FakeGuildSpec {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannelSpec[];
  members?: FakeMemberSpec[];
}

interface GuildRecord {
  spec: FakeGuildSpec;
  joinedAt: string;
  botRoleId: string;
  memberRoles: Map<string, { roleId: string; permissions: string }>;
}

interface ChannelRecord {
  guildId: string;
  name: string;
  position: number;
  access: FakeChannelAccess;
}

/** A message as it was posted, with where it came from. */
interface PostedRecord {
  message: APIMessage;
  via: "channel" | "interaction";
}

export class FakeDiscordDirectory {
  readonly botUser: APIUser;
  private readonly guilds = new Map<string, GuildRecord>();
  private readonly channels = new Map<string, ChannelRecord>();
  private readonly users = new Map<string, APIUser>();
  private readonly dmChannelByUser = new Map<string, string>();
  private readonly dmRecipient = new Map<string, string>();
  private readonly closedDms = new Set<string>();
  private posted = new Map<string, PostedRecord[]>();

  constructor(
    readonly applicationId: string,
    botUserId: string,
    botUsername: string,
  ) {
    this.botUser = {
      ...discordUser({ id: botUserId, username: botUsername }, true),
      verified: true,
      mfa_enabled: false,
    };
    this.users.set(botUserId, this.botUser);
  }

  addGuild(spec: FakeGuildSpec): void {
    if (this.guilds.has(spec.id)) throw new Error(`fake Discord: guild ${spec.id} added twice`);
    const memberRoles = new Map<string, { roleId: string; permissions: string }>();
    for (const member of spec.members ?? []) {
      this.addUser(member);
      if (member.permissions !== undefined)
        memberRoles.set(member.id, { roleId: snowflake(), permissions: member.permissions });
    }
    this.guilds.set(spec.id, { spec, joinedAt: new Date().toISOString(), botRoleId: snowflake(), memberRoles });
    spec.channels.forEach((channel, position) => {
      this.channels.set(channel.id, {
        guildId: spec.id,
        name: channel.name,
        position,
        access: channel.access ?? "send",
      });
    });
  }

  /** Forgets the guild and its channels, as after the bot was removed. */
  removeGuild(guildId: string): void {
    this.guilds.delete(guildId);
    for (const [id, channel] of this.channels) if (channel.guildId === guildId) this.channels.delete(id);
  }

  guildIds(): string[] {
    return [...this.guilds.keys()];
  }

  hasGuild(guildId: string): boolean {
    return this.guilds.has(guildId);
  }

  addUser(user: { id: string; username: string }): void {
    if (!this.users.has(user.id)) this.users.set(user.id, discordUser(user));
  }

  /** Learns a user from an interaction payload, as Discord knows everyone who interacts. */
  rememberUser(user: APIUser): void {
    if (!this.users.has(user.id)) this.users.set(user.id, user);
  }

  user(userId: string): APIUser | undefined {
    return this.users.get(userId);
  }

  closeDms(userId: string): void {
    this.closedDms.add(userId);
  }

  openDms(userId: string): void {
    this.closedDms.delete(userId);
  }

  setChannelAccess(channelId: string, access: FakeChannelAccess): void {
    const channel = this.channels.get(channelId);
    if (channel === undefined) throw new Error(`fake Discord: no channel ${channelId}`);
    channel.access = access;
  }

  deleteChannel(channelId: string): Json | undefined {
    const answer = this.channel(channelId);
    this.channels.delete(channelId);
    return answer;
  }

  channelAccess(channelId: string): FakeChannelAccess | undefined {
    return this.channels.get(channelId)?.access;
  }

  /** The user whose DM channel this is, if it is one. */
  dmRecipientOf(channelId: string): string | undefined {
    return this.dmRecipient.get(channelId);
  }

  dmsClosed(userId: string): boolean {
    return this.closedDms.has(userId);
  }

  /** The member's DM channel id, minted on first use and stable afterwards. */
  dmChannelId(userId: string): string {
    let id = this.dmChannelByUser.get(userId);
    if (id === undefined) {
      id = snowflake();
      this.dmChannelByUser.set(userId, id);
      this.dmRecipient.set(id, userId);
    }
    return id;
  }

  /** A DM interaction names its channel; later DMs to that member must go to the same one. */
  adoptDmChannel(userId: string, channelId: string): void {
    const known = this.dmChannelByUser.get(userId);
    if (known === undefined) {
      this.dmChannelByUser.set(userId, channelId);
      this.dmRecipient.set(channelId, userId);
    } else if (known !== channelId) {
      throw new Error(
        `fake Discord: ${userId}'s DM channel is ${known} but the interaction names ${channelId}; build it with channelId: fake.dmChannelId(userId)`,
      );
    }
  }

  dmChannel(userId: string): Json {
    return dmChannelShape(this.dmChannelId(userId), this.users.get(userId));
  }

  /** A guild text channel or DM channel object, as GET /channels/{id} answers. */
  channel(channelId: string): Json | undefined {
    const recipient = this.dmRecipient.get(channelId);
    if (recipient !== undefined) return this.dmChannel(recipient);
    const channel = this.channels.get(channelId);
    return channel && textChannelShape({ id: channelId, ...channel }, this.botUser.id);
  }

  guildChannels(guildId: string): Json[] {
    return [...this.channels.entries()]
      .filter(([, channel]) => channel.guildId === guildId)
      .map(([id, channel]) => textChannelShape({ id, ...channel }, this.botUser.id));
  }

  member(guildId: string, userId: string): Json | undefined {
    const guild = this.guilds.get(guildId);
    if (guild === undefined) return undefined;
    const isBot = userId === this.botUser.id;
    if (!isBot && !(guild.spec.members ?? []).some((member) => member.id === userId)) return undefined;
    const ownRole = isBot ? guild.botRoleId : guild.memberRoles.get(userId)?.roleId;
    return memberShape(this.users.get(userId), ownRole === undefined ? [] : [ownRole], guild.joinedAt);
  }

  /** GET /guilds/{id}: the guild without its channels and members. */
  guild(guildId: string): Json | undefined {
    const payload = this.guildCreate(guildId);
    if (payload === undefined) return undefined;
    const {
      channels,
      members,
      threads,
      presences,
      voice_states,
      joined_at,
      large,
      member_count,
      unavailable,
      ...guild
    } = payload;
    return guild;
  }

  /** GUILD_CREATE data for the guild, or undefined once the bot left it. */
  guildCreate(guildId: string): GatewayGuildCreateDispatchData | undefined {
    const record = this.guilds.get(guildId);
    if (record === undefined) return undefined;
    const { spec } = record;
    const memberRoles = [...record.memberRoles.entries()].map(([userId, { roleId, permissions }]) =>
      roleShape(roleId, `member-${userId}`, 1, permissions),
    );
    const roles = [
      roleShape(spec.id, "@everyone", 0, MEMBER_PERMISSIONS),
      ...memberRoles,
      botRoleShape(record.botRoleId, this.botUser),
    ];
    const memberIds = [this.botUser.id, ...(spec.members ?? []).map((member) => member.id)];
    const members = memberIds.map((id) => this.member(spec.id, id) as Json);
    return guildCreateShape(spec, record.joinedAt, { roles, members, channels: this.guildChannels(spec.id) });
  }

  /** Stores a message in the channel's history; `via` tells channel posts from interaction replies. */
  post(channelId: string, message: APIMessage, via: PostedRecord["via"]): void {
    const list = this.posted.get(channelId) ?? [];
    list.push({ message, via });
    this.posted.set(channelId, list);
  }

  postedMessage(channelId: string, messageId: string): APIMessage | undefined {
    return this.posted.get(channelId)?.find((record) => record.message.id === messageId)?.message;
  }

  unpost(channelId: string, messageId: string): boolean {
    const list = this.posted.get(channelId) ?? [];
    const index = list.findIndex((record) => record.message.id === messageId);
    if (index >= 0) list.splice(index, 1);
    return index >= 0;
  }

  /** Messages created in the channel by POST /channels/{id}/messages, oldest first, as last edited. */
  channelPosts(channelId: string): APIMessage[] {
    return (this.posted.get(channelId) ?? [])
      .filter((record) => record.via === "channel")
      .map((record) => record.message);
  }

  /** Everything others in the channel can see: channel posts and non-ephemeral interaction replies and follow-ups. */
  visibleMessages(channelId: string): APIMessage[] {
    return (this.posted.get(channelId) ?? [])
      .map((record) => record.message)
      .filter((message) => ((message.flags ?? 0) & 64) === 0);
  }

  clearActivity(): void {
    this.posted = new Map();
  }
}
