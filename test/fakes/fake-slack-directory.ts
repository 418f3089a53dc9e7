/** The fake Slack's directory (workspaces, members, channels, tokens) and the Web API methods that answer from it. */

/** A workspace with the app installed, as `addTeam` registers it. */
export interface FakeTeamSpec {
  /** Slack's team id, e.g. `T0ACME`. */
  teamId: string;
  /** The bot token the app holds for this workspace; calls made with it see only this workspace. */
  botToken: string;
  /** The bot's own member id (`auth.test`'s `user_id`). */
  botUserId: string;
  /** The bot id, `B…` (`auth.test`'s `bot_id`). */
  botId: string;
  /** Workspace name (`auth.test`'s `team`); the team id when omitted. */
  name?: string;
  /** Subdomain in `auth.test`'s `url`; derived from the name when omitted. */
  domain?: string;
}

/** A member of a workspace, as `addUser` registers it. */
export interface FakeUserSpec {
  id: string;
  /** The handle (`name`, and `profile.display_name`). */
  name: string;
  /** Defaults to the handle. */
  realName?: string;
  /** IANA zone; Slack always reports one, so this defaults to America/Los_Angeles. */
  tz?: string;
  /** The member's language, e.g. "en-GB"; `users.info` shows it only when asked with `include_locale`. Defaults to en-US. */
  locale?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  /** A deactivated account: `users.info` shows `deleted: true`, DMs fail with `account_inactive`. */
  deleted?: boolean;
  isBot?: boolean;
}

/** A public or private channel of a workspace, as `addChannel` registers it. */
export interface FakeChannelSpec {
  id: string;
  name: string;
  /** Posts fail with `is_archived`. */
  archived?: boolean;
  /** Posts fail with `not_in_channel` when false; defaults to true so tests opt into the failure. */
  botIsMember?: boolean;
}

/** What `oauth.v2.access` hands over for one authorization code. */
export interface FakeOAuthGrant {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
  /** The member who clicked "Allow" (`authed_user.id`). */
  installerUserId: string;
  /** Bot scopes granted; a plausible set for Next Step when omitted. */
  scopes?: string[];
}

/** One message the fake accepted through `chat.postMessage` (and possibly changed by `chat.update`). */
export interface PostedMessage {
  teamId: string;
  /** The conversation id: `D<user>` for DMs, even when the call named the user. */
  channel: string;
  ts: string;
  /** Who posted it: the bot's user id, or a member's for a message added with `addMemberMessage`. */
  user: string;
  text: string | undefined;
  /** Parsed Block Kit blocks, as sent. */
  blocks: unknown;
  threadTs: string | undefined;
  /** How many `chat.update` calls changed it. */
  updates: number;
}

/** The JSON body of a Web API answer. */
export type SlackAnswer = Record<string, unknown> & { ok: boolean };

interface Team {
  teamId: string;
  name: string;
  domain: string;
  users: Map<string, FakeUserSpec>;
  channels: Map<string, FakeChannelSpec>;
}

interface BotSession {
  team: Team;
  botUserId: string;
  botId: string;
  revoked: boolean;
}

type Params = Record<string, unknown>;
type MethodHandler = (session: BotSession, params: Params) => SlackAnswer;

const DEFAULT_SCOPES = ["commands", "chat:write", "im:write", "users:read", "channels:read"];

/** Which conversation a post lands in, or why it cannot. */
type PostTarget = { channel: string } | { error: string };

/** Slack's state for the fake: who exists, which tokens work, what was posted and published. */
export class FakeSlackDirectory {
  private readonly teams = new Map<string, Team>();
  private readonly sessions = new Map<string, BotSession>();
  private readonly grants = new Map<string, FakeOAuthGrant>();
  private posted: PostedMessage[] = [];
  private homeViews = new Map<string, unknown>();
  private sequence = 0;

  constructor(private readonly client: { appId: string; clientId?: string; clientSecret?: string }) {}

  addTeam(spec: FakeTeamSpec): void {
    const team = this.teams.get(spec.teamId) ?? {
      teamId: spec.teamId,
      name: spec.name ?? spec.teamId,
      domain: spec.domain ?? (spec.name ?? spec.teamId).toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      users: new Map(),
      channels: new Map(),
    };
    this.teams.set(spec.teamId, team);
    this.sessions.set(spec.botToken, { team, botUserId: spec.botUserId, botId: spec.botId, revoked: false });
  }

  addUser(teamId: string, user: FakeUserSpec): void {
    this.teamOrThrow(teamId).users.set(user.id, user);
  }

  addChannel(teamId: string, channel: FakeChannelSpec): void {
    this.teamOrThrow(teamId).channels.set(channel.id, channel);
  }

  setOAuthGrant(code: string, grant: FakeOAuthGrant): void {
    this.grants.set(code, grant);
  }

  /** Every token of the workspace answers `token_revoked` from now on, as after an uninstall. */
  revokeTeam(teamId: string): void {
    for (const session of this.sessions.values()) {
      if (session.team.teamId === teamId) session.revoked = true;
    }
  }

  messages(channel: string): PostedMessage[] {
    return this.posted.filter((message) => message.channel === channel);
  }

  /** A member's own message in a channel of the team, as if they typed it; its ts. */
  addMemberMessage(teamId: string, channel: string, userId: string, messageText: string): string {
    const message: PostedMessage = {
      teamId: this.teamOrThrow(teamId).teamId,
      channel,
      ts: this.nextTs(),
      user: userId,
      text: messageText,
      blocks: undefined,
      threadTs: undefined,
      updates: 0,
    };
    this.posted.push(message);
    return message.ts;
  }

  homeView(userId: string): unknown {
    return this.homeViews.get(userId);
  }

  /** Forgets what was posted and published; keeps workspaces, members, channels and grants. */
  clearActivity(): void {
    this.posted = [];
    this.homeViews = new Map();
  }

  /** Answers one Web API call as Slack would; `undefined` for a method the fake does not know. */
  answer(method: string, token: string | undefined, params: Params): SlackAnswer | undefined {
    if (method === "oauth.v2.access") return this.exchangeCode(params);
    const handler = this.handlers[method];
    if (handler === undefined) return undefined;
    if (token === undefined) return { ok: false, error: "not_authed" };
    const session = this.sessions.get(token);
    if (session === undefined) return { ok: false, error: "invalid_auth" };
    if (session.revoked) return { ok: false, error: "token_revoked" };
    return handler(session, params);
  }

  private readonly handlers: Record<string, MethodHandler> = {
    "auth.test": (session) => ({
      ok: true,
      url: `https://${session.team.domain}.slack.com/`,
      team: session.team.name,
      user: session.botUserId.toLowerCase(),
      team_id: session.team.teamId,
      user_id: session.botUserId,
      bot_id: session.botId,
      is_enterprise_install: false,
    }),
    "users.info": (session, params) => {
      const user = session.team.users.get(text(params.user) ?? "");
      if (user === undefined) return { ok: false, error: "user_not_found" };
      const described = describeUser(session.team.teamId, user);
      const withLocale = text(params.include_locale) === "true";
      return { ok: true, user: withLocale ? { ...described, locale: user.locale ?? "en-US" } : described };
    },
    "conversations.open": (session, params) => {
      const named = text(params.channel);
      if (named !== undefined) {
        const target = this.resolveTarget(session.team, named);
        return "error" in target ? { ok: false, error: target.error } : { ok: true, channel: { id: target.channel } };
      }
      const users = (text(params.users) ?? "").split(",").filter((id) => id !== "");
      if (users.length !== 1) return { ok: false, error: "fake_slack_supports_one_user_dms_only" };
      const target = this.resolveDirect(session.team, users[0] ?? "");
      return "error" in target ? { ok: false, error: target.error } : { ok: true, channel: { id: target.channel } };
    },
    // A token sees its own team's channels only: another team's channel is not found.
    "conversations.info": (session, params) => {
      const known = session.team.channels.get(text(params.channel) ?? "");
      if (known === undefined) return { ok: false, error: "channel_not_found" };
      const isMember = known.botIsMember !== false;
      return {
        ok: true,
        channel: { id: known.id, name: known.name, is_archived: known.archived === true, is_member: isMember },
      };
    },
    "chat.postMessage": (session, params) => {
      const target = this.resolveTarget(session.team, text(params.channel) ?? "");
      if ("error" in target) return { ok: false, error: target.error };
      if (params.text === undefined && params.blocks === undefined && params.attachments === undefined) {
        return { ok: false, error: "no_text" };
      }
      const message: PostedMessage = {
        teamId: session.team.teamId,
        channel: target.channel,
        ts: this.nextTs(),
        user: session.botUserId,
        text: text(params.text),
        blocks: params.blocks,
        threadTs: text(params.thread_ts),
        updates: 0,
      };
      this.posted.push(message);
      return { ok: true, channel: message.channel, ts: message.ts, message: this.describeMessage(session, message) };
    },
    "chat.postEphemeral": () => ({ ok: true, message_ts: this.nextTs() }),
    "chat.update": (_session, params) => {
      const channel = text(params.channel);
      const ts = text(params.ts);
      // Lenient on purpose: tests click buttons on messages they built themselves, which the fake never posted.
      const message = this.posted.find((candidate) => candidate.channel === channel && candidate.ts === ts);
      if (message !== undefined) {
        message.text = text(params.text) ?? message.text;
        message.blocks = params.blocks ?? message.blocks;
        message.updates += 1;
      }
      return { ok: true, channel, ts, text: text(params.text) ?? "" };
    },
    "chat.delete": (session, params) => {
      const target = this.resolveTarget(session.team, text(params.channel) ?? "");
      if ("error" in target) return { ok: false, error: target.error };
      const ts = text(params.ts);
      const message = this.posted.find(
        (candidate) =>
          candidate.teamId === session.team.teamId && candidate.channel === target.channel && candidate.ts === ts,
      );
      if (message === undefined) return { ok: false, error: "message_not_found" };
      // A bot token deletes only the bot's own messages.
      if (message.user !== session.botUserId) return { ok: false, error: "cant_delete_message" };
      this.posted = this.posted.filter((candidate) => candidate !== message);
      return { ok: true, channel: target.channel, ts: message.ts };
    },
    "views.publish": (session, params) => {
      const userId = text(params.user_id) ?? "";
      if (!session.team.users.has(userId)) return { ok: false, error: "user_not_found" };
      const view = this.describeView(session, params.view);
      this.homeViews.set(userId, view);
      return { ok: true, view };
    },
    "views.open": (session, params) => {
      if (text(params.trigger_id) === undefined || params.view === undefined) {
        return { ok: false, error: "invalid_arguments" };
      }
      return { ok: true, view: this.describeView(session, params.view) };
    },
    "views.update": (session, params) => {
      if (params.view === undefined) return { ok: false, error: "invalid_arguments" };
      return { ok: true, view: this.describeView(session, params.view, text(params.view_id)) };
    },
  };

  /** Codes are single use, like Slack's; the installed token works from the moment of the exchange. */
  private exchangeCode(params: Params): SlackAnswer {
    const { clientId, clientSecret, appId } = this.client;
    if (clientId !== undefined && params.client_id !== clientId) return { ok: false, error: "invalid_client_id" };
    if (clientSecret !== undefined && params.client_secret !== clientSecret) {
      return { ok: false, error: "bad_client_secret" };
    }
    const code = text(params.code) ?? "";
    const grant = this.grants.get(code);
    if (grant === undefined) return { ok: false, error: "invalid_code" };
    this.grants.delete(code);
    const { teamId, teamName, botToken, botUserId, botId } = grant;
    this.addTeam({ teamId, name: teamName, botToken, botUserId, botId });
    // @slack/oauth reads authed_user.access_token unguarded, so authed_user must be present even without user scopes.
    return {
      ok: true,
      app_id: appId,
      authed_user: { id: grant.installerUserId },
      scope: (grant.scopes ?? DEFAULT_SCOPES).join(","),
      token_type: "bot",
      access_token: grant.botToken,
      bot_user_id: grant.botUserId,
      team: { id: grant.teamId, name: grant.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** A channel id, a DM id (`D<user>`) or a bare user id, which Slack treats as the bot's DM with that user. */
  private resolveTarget(team: Team, channel: string): PostTarget {
    if (channel.startsWith("D")) return this.resolveDirect(team, channel.slice(1));
    if (team.users.has(channel)) return this.resolveDirect(team, channel);
    const known = team.channels.get(channel);
    if (known === undefined) return { error: "channel_not_found" };
    if (known.archived === true) return { error: "is_archived" };
    if (known.botIsMember === false) return { error: "not_in_channel" };
    return { channel: known.id };
  }

  private resolveDirect(team: Team, userId: string): PostTarget {
    const user = team.users.get(userId);
    if (user === undefined) return { error: "user_not_found" };
    if (user.deleted === true) return { error: "account_inactive" };
    return { channel: `D${user.id}` };
  }

  private describeMessage(session: BotSession, message: PostedMessage): Record<string, unknown> {
    return {
      type: "message",
      user: session.botUserId,
      bot_id: session.botId,
      app_id: this.client.appId,
      team: session.team.teamId,
      ts: message.ts,
      text: message.text ?? "",
      ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
      ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    };
  }

  private describeView(session: BotSession, sent: unknown, viewId?: string): Record<string, unknown> {
    const view = typeof sent === "object" && sent !== null ? (sent as Record<string, unknown>) : {};
    const id = viewId ?? `V${String(++this.sequence).padStart(8, "0")}`;
    return {
      id,
      team_id: session.team.teamId,
      app_installed_team_id: session.team.teamId,
      app_id: this.client.appId,
      bot_id: session.botId,
      type: view.type ?? "modal",
      callback_id: view.callback_id ?? "",
      private_metadata: view.private_metadata ?? "",
      external_id: view.external_id ?? "",
      title: view.title ?? null,
      submit: view.submit ?? null,
      close: view.close ?? null,
      blocks: view.blocks ?? [],
      state: { values: {} },
      hash: `${Date.now()}.${this.sequence}`,
      clear_on_close: view.clear_on_close ?? false,
      notify_on_close: view.notify_on_close ?? false,
      root_view_id: id,
      previous_view_id: null,
    };
  }

  /** Unique and increasing, shaped like Slack's `seconds.micro` message timestamps. */
  private nextTs(): string {
    this.sequence += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.sequence).padStart(6, "0")}`;
  }

  private teamOrThrow(teamId: string): Team {
    const team = this.teams.get(teamId);
    if (team === undefined) throw new Error(`fake Slack: addTeam(${teamId}) first`);
    return team;
  }
}

function describeUser(teamId: string, user: FakeUserSpec): Record<string, unknown> {
  const tz = user.tz ?? "America/Los_Angeles";
  const realName = user.realName ?? user.name;
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    real_name: realName,
    deleted: user.deleted ?? false,
    tz,
    tz_offset: utcOffsetSeconds(tz, new Date()),
    is_admin: user.isAdmin ?? false,
    is_owner: user.isOwner ?? false,
    is_primary_owner: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    profile: { display_name: user.name, real_name: realName, team: teamId },
  };
}

/** Slack's `tz_offset`: the zone's current offset from UTC in seconds. */
function utcOffsetSeconds(timeZone: string, at: Date): number {
  const label = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label ?? "");
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === "-" ? -seconds : seconds;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}
