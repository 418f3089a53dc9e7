/** The fake Discord's REST routes: gateway info, users and DMs, channels and messages, guilds and members, command registration. */

import { commandProblems, type FakeCommandRegistry } from "./fake-discord-commands.ts";
import type { FakeDiscordDirectory, Json } from "./fake-discord-directory.ts";
import type { FakeDiscordInteractions } from "./fake-discord-interactions.ts";
import { invalidFormBody, isEmptyMessage, messageProblems } from "./fake-discord-limits.ts";
import { applyEdit, messageFrom } from "./fake-discord-shapes.ts";

/** What a route answers: a status and, unless 204, a JSON body. */
export interface RestAnswer {
  status: number;
  body?: unknown;
}

export interface RestRequest {
  method: string;
  /** The path without `/api/v10`, percent-decoded (`/webhooks/…/messages/@original`). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Whether `Authorization: Bot <token>` matched the fake's token. */
  authorized: boolean;
}

export interface RestContext {
  directory: FakeDiscordDirectory;
  commands: FakeCommandRegistry;
  interactions: FakeDiscordInteractions;
  gatewayUrl: string;
  shardCount: number;
  /** `session_start_limit.max_concurrency`: discord.js identifies this many shards at once, then waits 5 s. */
  maxConcurrency: number;
}

type Handler = (match: string[], request: RestRequest, context: RestContext) => RestAnswer;

interface Route {
  method: string;
  pattern: RegExp;
  /** Interaction callbacks and webhooks are authorized by their token; discord.js sends them without Authorization. */
  auth: boolean;
  handle: Handler;
}

/** Discord's JSON error body: `{ code, message }`. */
export function discordError(status: number, code: number, message: string): RestAnswer {
  return { status, body: { code, message } };
}

const UNKNOWN_CHANNEL = discordError(404, 10003, "Unknown Channel");
const MISSING_ACCESS = discordError(403, 50001, "Missing Access");
const UNKNOWN_MESSAGE = discordError(404, 10008, "Unknown Message");

const routes: Route[] = [
  {
    method: "GET",
    pattern: /^\/gateway\/bot$/,
    auth: true,
    handle: (_m, _r, { gatewayUrl, shardCount, maxConcurrency }) => ({
      status: 200,
      body: {
        url: gatewayUrl,
        shards: shardCount,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: maxConcurrency },
      },
    }),
  },
  { method: "GET", pattern: /^\/gateway$/, auth: false, handle: (_m, _r, { gatewayUrl }) => ok({ url: gatewayUrl }) },
  { method: "GET", pattern: /^\/users\/@me$/, auth: true, handle: (_m, _r, { directory }) => ok(directory.botUser) },
  {
    method: "GET",
    pattern: /^\/applications\/@me$/,
    auth: true,
    handle: (_m, _r, { directory }) =>
      ok({
        id: directory.applicationId,
        name: directory.botUser.username,
        description: "",
        icon: null,
        flags: 0,
        bot_public: true,
        bot_require_code_grant: false,
        bot: directory.botUser,
        verify_key: "0".repeat(64),
        team: null,
      }),
  },
  {
    method: "GET",
    pattern: /^\/users\/([^/]+)$/,
    auth: true,
    handle: ([id], _r, { directory }) => {
      const user = directory.user(String(id));
      return user ? ok(user) : discordError(404, 10013, "Unknown User");
    },
  },
  {
    method: "POST",
    pattern: /^\/users\/@me\/channels$/,
    auth: true,
    handle: (_m, { body }, { directory }) => {
      const recipient = String((body as Json | undefined)?.recipient_id ?? "");
      if (directory.user(recipient) === undefined) return discordError(400, 50033, "Invalid Recipient(s)");
      return ok(directory.dmChannel(recipient));
    },
  },
  {
    method: "GET",
    pattern: /^\/channels\/([^/]+)$/,
    auth: true,
    handle: ([id], _r, { directory }) => {
      const channel = directory.channel(String(id));
      if (channel === undefined) return UNKNOWN_CHANNEL;
      return directory.channelAccess(String(id)) === "none" ? MISSING_ACCESS : ok(channel);
    },
  },
  { method: "POST", pattern: /^\/channels\/([^/]+)\/messages$/, auth: true, handle: createChannelMessage },
  {
    method: "PATCH",
    pattern: /^\/channels\/([^/]+)\/messages\/([^/]+)$/,
    auth: true,
    handle: ([channelId, messageId], { body }, { directory }) => {
      const message = directory.postedMessage(String(channelId), String(messageId));
      if (message === undefined) return UNKNOWN_MESSAGE;
      const errors = messageProblems(body as Json);
      return errors ? { status: 400, body: invalidFormBody(errors) } : ok(applyEdit(message, body as Json));
    },
  },
  {
    method: "DELETE",
    pattern: /^\/channels\/([^/]+)\/messages\/([^/]+)$/,
    auth: true,
    handle: ([channelId, messageId], _r, { directory }) =>
      directory.unpost(String(channelId), String(messageId)) ? { status: 204 } : UNKNOWN_MESSAGE,
  },
  { method: "POST", pattern: /^\/channels\/([^/]+)\/typing$/, auth: true, handle: () => ({ status: 204 }) },
  {
    method: "GET",
    pattern: /^\/guilds\/([^/]+)$/,
    auth: true,
    handle: ([id], _r, { directory }) => orUnknownGuild(directory.guild(String(id))),
  },
  {
    method: "GET",
    pattern: /^\/guilds\/([^/]+)\/channels$/,
    auth: true,
    handle: ([id], _r, { directory }) =>
      directory.hasGuild(String(id))
        ? ok(directory.guildChannels(String(id)))
        : discordError(404, 10004, "Unknown Guild"),
  },
  {
    method: "GET",
    pattern: /^\/guilds\/([^/]+)\/members\/([^/]+)$/,
    auth: true,
    handle: ([guildId, userId], _r, { directory }) => {
      if (!directory.hasGuild(String(guildId))) return discordError(404, 10004, "Unknown Guild");
      const member = directory.member(String(guildId), String(userId));
      return member ? ok(member) : discordError(404, 10007, "Unknown Member");
    },
  },
  { method: "GET", pattern: /^\/applications\/([^/]+)\/commands$/, auth: true, handle: commandsRoute },
  { method: "PUT", pattern: /^\/applications\/([^/]+)\/commands$/, auth: true, handle: commandsRoute },
  { method: "GET", pattern: /^\/applications\/([^/]+)\/guilds\/([^/]+)\/commands$/, auth: true, handle: commandsRoute },
  { method: "PUT", pattern: /^\/applications\/([^/]+)\/guilds\/([^/]+)\/commands$/, auth: true, handle: commandsRoute },
  {
    method: "POST",
    pattern: /^\/interactions\/([^/]+)\/([^/]+)\/callback$/,
    auth: false,
    handle: ([id, token], request, { interactions }) =>
      interactions.callback(
        String(id),
        String(token),
        request.body as Json,
        request.query.get("with_response") === "true",
      ),
  },
  {
    method: "POST",
    pattern: /^\/webhooks\/([^/]+)\/([^/]+)$/,
    auth: false,
    handle: ([appId, token], request, { interactions }) =>
      interactions.followUp(String(appId), String(token), request.body as Json, request.query.get("wait") === "true"),
  },
  ...(["GET", "PATCH", "DELETE"] as const).map((method) => ({
    method,
    pattern: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
    auth: false,
    handle: ([appId, token, messageId]: string[], request: RestRequest, { interactions }: RestContext) =>
      interactions.webhookMessage(method, String(appId), String(token), String(messageId), request.body as Json),
  })),
];

/** Answers one REST request; unknown routes get Discord's `404: Not Found`, a wrong or missing token 401. */
export function answerRest(request: RestRequest, context: RestContext): RestAnswer {
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const match = route.pattern.exec(request.path);
    if (match === null) continue;
    if (route.auth && !request.authorized) return discordError(401, 0, "401: Unauthorized");
    return route.handle(match.slice(1), request, context);
  }
  return discordError(404, 0, "404: Not Found");
}

function ok(body: unknown): RestAnswer {
  return { status: 200, body };
}

function orUnknownGuild(guild: Json | undefined): RestAnswer {
  return guild ? ok(guild) : discordError(404, 10004, "Unknown Guild");
}

function createChannelMessage([channelId]: string[], { body }: RestRequest, { directory }: RestContext): RestAnswer {
  const id = String(channelId);
  const recipient = directory.dmRecipientOf(id);
  if (directory.channel(id) === undefined) return UNKNOWN_CHANNEL;
  if (recipient !== undefined && directory.dmsClosed(recipient)) {
    return discordError(403, 50007, "Cannot send messages to this user");
  }
  const access = directory.channelAccess(id);
  if (access === "none") return MISSING_ACCESS;
  if (access === "read-only") return discordError(403, 50013, "Missing Permissions");
  const fields = (body ?? {}) as Json;
  if (isEmptyMessage(fields)) return discordError(400, 50006, "Cannot send an empty message");
  const errors = messageProblems(fields);
  if (errors) return { status: 400, body: invalidFormBody(errors) };
  const message = messageFrom(id, fields, directory.botUser);
  directory.post(id, message, "channel");
  return ok(message);
}

function commandsRoute(match: string[], request: RestRequest, { directory, commands }: RestContext): RestAnswer {
  const [appId, guildId] = match;
  if (appId !== directory.applicationId) return MISSING_ACCESS;
  if (guildId !== undefined && !directory.hasGuild(guildId)) return MISSING_ACCESS;
  const scope = guildId ?? "global";
  if (request.method === "GET") return ok(commands.list(scope));
  const errors = commandProblems(request.body);
  if (errors) return { status: 400, body: invalidFormBody(errors) };
  return ok(commands.put(scope, request.body as Json[]));
}
