/** A local stand-in for Discord (REST on /api/v10, gateway on /gateway) that the real discord.js client logs into: records every request, fails on demand. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { APIMessage } from "discord.js";
import { guildDelete } from "../support/discord-payloads.ts";
import { FakeCommandRegistry } from "./fake-discord-commands.ts";
import {
  type FakeChannelAccess,
  type FakeChannelSpec,
  FakeDiscordDirectory,
  type FakeGuildSpec,
  type FakeMemberSpec,
  type Json,
} from "./fake-discord-directory.ts";
import {
  type FakeDiscordFault,
  type FakeDiscordRoute,
  FaultQueue,
  faultAnswer,
  rateLimitHeaders,
} from "./fake-discord-faults.ts";
import { FakeDiscordGateway, type GatewayFrame, type GatewayIdentify } from "./fake-discord-gateway.ts";
import { ActivityWaiter, type FakeDiscordRequest, readRequest, sendAnswer } from "./fake-discord-http.ts";
import { FakeDiscordInteractions, type FakeInteractionResponse } from "./fake-discord-interactions.ts";
import { answerRest } from "./fake-discord-rest.ts";

export type {
  FakeChannelAccess,
  FakeChannelSpec,
  FakeDiscordFault,
  FakeDiscordRequest,
  FakeDiscordRoute,
  FakeGuildSpec,
  FakeInteractionResponse,
  FakeMemberSpec,
  GatewayFrame,
  GatewayIdentify,
};

export interface FakeDiscordOptions {
  applicationId: string;
  /** The bot's user id; the application id unless given, as for every bot created since 2019. */
  botUserId?: string;
  /** The bot token: REST must send `Authorization: Bot <token>`, IDENTIFY must carry it. */
  token: string;
  botUsername?: string;
  /** Recommended shard count in GET /gateway/bot; guilds and interactions are routed by Discord's shard formula. */
  shardCount?: number;
  /** GET /gateway/bot's `max_concurrency` (1 by default, as for most bots); raise it so several shards identify without 5 s waits. */
  maxConcurrency?: number;
  /** HELLO's heartbeat interval; discord.js sends its first beat after a random fraction of it. */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this after dispatch answer 10062 Unknown interaction, like Discord's 3 s rule. */
  interactionDeadlineMs?: number;
  /** Milliseconds now, for that deadline (default Date.now): a test moves it past the deadline instead of waiting. */
  now?: () => number;
}

const DEFAULT_WAIT_MS = 3000;
const COMMAND_ROUTE = /^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/;

/** Starts a fake Discord on 127.0.0.1 at a free port. */
export function createFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}

export class FakeDiscord {
  private readonly server: Server;
  private readonly directory: FakeDiscordDirectory;
  private readonly interactions: FakeDiscordInteractions;
  private readonly registry: FakeCommandRegistry;
  /** The gateway side: `frames` and `identifies` received, `openShards()`, `dispatch()`, `requestReconnect()`, `waitForFrame()`. */
  readonly gateway: FakeDiscordGateway;
  private readonly activity = new ActivityWaiter();
  private readonly shutdown = new AbortController();
  private readonly faults = new FaultQueue();
  private recorded: FakeDiscordRequest[] = [];
  private origin = "";

  /** Prefer `createFakeDiscord`. */
  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await fake.listen();
    return fake;
  }

  private constructor(private readonly options: FakeDiscordOptions) {
    this.directory = new FakeDiscordDirectory(
      options.applicationId,
      options.botUserId ?? options.applicationId,
      options.botUsername ?? "Next Step",
    );
    this.registry = new FakeCommandRegistry(options.applicationId);
    this.interactions = new FakeDiscordInteractions(
      this.directory,
      options.interactionDeadlineMs ?? 3000,
      options.now ?? Date.now,
    );
    this.gateway = new FakeDiscordGateway({
      token: options.token,
      applicationId: options.applicationId,
      botUser: this.directory.botUser,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      url: () => this.gatewayUrl,
      guildIds: () => this.directory.guildIds(),
      guildCreate: (id) => this.directory.guildCreate(id),
      activity: this.activity,
    });
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`fake Discord failed: ${String(error)}`);
      });
    });
    this.server.on("upgrade", (request, socket, head) => {
      if (new URL(request.url ?? "/", this.origin).pathname === "/gateway")
        this.gateway.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  }

  /** The value for discord.js's `rest: { api }` and `new REST({ api })`. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  /** Where GET /gateway/bot sends the client (discord.js appends `?v=10&encoding=json`). */
  get gatewayUrl(): string {
    return `${this.origin.replace(/^http/, "ws")}/gateway`;
  }

  /** Every REST request since start or `reset()`, in arrival order, including unknown routes and faulted ones. */
  get requests(): readonly FakeDiscordRequest[] {
    return this.recorded;
  }

  requestsTo(method: string, path: RegExp): FakeDiscordRequest[] {
    return this.recorded.filter((request) => request.method === method && path.test(request.path));
  }

  /** The first matching request, already answered or still to come; rejects after `timeoutMs` naming what did arrive. */
  waitForRequest(
    method: string,
    path: RegExp,
    predicate: (request: FakeDiscordRequest) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<FakeDiscordRequest> {
    return this.activity.waitFor(
      () =>
        this.recorded.find(
          (request) =>
            request.method === method && path.test(request.path) && request.status !== undefined && predicate(request),
        ),
      timeoutMs,
      () =>
        `no ${method} ${path} (requests so far: ${this.recorded.map((r) => `${r.method} ${r.path}`).join(", ") || "none"})`,
    );
  }

  /** Adds a guild the bot is in; sent on READY, or as GUILD_CREATE at once when the client is already connected. */
  addGuild(spec: FakeGuildSpec): void {
    this.directory.addGuild(spec);
    if (this.gateway.connectedFor(spec.id))
      this.gateway.dispatch("GUILD_CREATE", this.directory.guildCreate(spec.id), spec.id);
  }

  /** The bot is removed from the guild: GUILD_DELETE without `unavailable`, and REST forgets the guild. */
  removeGuild(guildId: string): void {
    this.directory.removeGuild(guildId);
    if (this.gateway.connectedFor(guildId)) this.gateway.dispatch("GUILD_DELETE", guildDelete(guildId), guildId);
  }

  /** A user Discord knows without a shared guild (for DMs); members and interacting users are known already. */
  addUser(user: { id: string; username: string }): void {
    this.directory.addUser(user);
  }

  /** The member turned off DMs from server members: posts to their DM channel answer 403 50007. */
  closeDms(userId: string): void {
    this.directory.closeDms(userId);
  }

  openDms(userId: string): void {
    this.directory.openDms(userId);
  }

  /** Changes what the bot may do in a channel from now on (the gateway is not told, as when a role changes). */
  setChannelAccess(channelId: string, access: FakeChannelAccess): void {
    this.directory.setChannelAccess(channelId, access);
  }

  /** Deletes a guild channel: CHANNEL_DELETE to the client, 404 10003 from REST afterwards. */
  deleteChannel(channelId: string): void {
    const channel = this.directory.deleteChannel(channelId);
    const guildId = String(channel?.guild_id);
    if (channel !== undefined && this.gateway.connectedFor(guildId))
      this.gateway.dispatch("CHANNEL_DELETE", channel, guildId);
  }

  /** The member's DM channel id (what `users.createDM` answers); build DM interactions with it. */
  dmChannelId(userId: string): string {
    return this.directory.dmChannelId(userId);
  }

  /** Messages posted with POST /channels/{id}/messages, oldest first, as last edited; DMs live in `dmChannelId(userId)`. */
  messages(channelId: string): APIMessage[] {
    return this.directory.channelPosts(channelId);
  }

  /** What everyone in the channel sees: channel posts plus non-ephemeral interaction replies and follow-ups. */
  visibleMessages(channelId: string): APIMessage[] {
    return this.directory.visibleMessages(channelId);
  }

  /** Stored command definitions, global unless a guild id is given. */
  commands(guildId?: string): Json[] {
    return this.registry.list(guildId ?? "global");
  }

  /** Every bulk overwrite (PUT) of global or guild commands, whatever it was answered. */
  commandPuts(): FakeDiscordRequest[] {
    return this.recorded.filter((request) => request.method === "PUT" && COMMAND_ROUTE.test(request.path));
  }

  /** Sends INTERACTION_CREATE to the session owning the interaction's guild and makes its token valid for callbacks. */
  dispatchInteraction(payload: object): void {
    const fields = payload as Json;
    this.interactions.register(fields);
    this.gateway.dispatch("INTERACTION_CREATE", payload, fields.guild_id as string | undefined);
  }

  /** Accepted answers to the interaction: the callback, then edits, follow-ups and deletions, in order. */
  interactionResponses(interactionId: string): FakeInteractionResponse[] {
    return this.interactions.responses(interactionId);
  }

  /** The first accepted answer matching `predicate` (any by default, i.e. the callback); rejects after `timeoutMs`. */
  waitForInteractionResponse(
    interactionId: string,
    timeoutMs = DEFAULT_WAIT_MS,
    predicate: (response: FakeInteractionResponse) => boolean = () => true,
  ): Promise<FakeInteractionResponse> {
    return this.activity.waitFor(
      () => this.interactions.responses(interactionId).find(predicate),
      timeoutMs,
      () =>
        `no matching answer to interaction ${interactionId} (answers: ${JSON.stringify(this.interactionResponses(interactionId))})`,
    );
  }

  /** The next `count` requests matching `route` get `fault` instead of their answer; queued faults are used in order. */
  failNext(route: FakeDiscordRoute, fault: FakeDiscordFault, count = 1): void {
    this.faults.add(route, fault, count);
  }

  /** Forgets requests, posted messages and pending faults; keeps guilds, users, DM channels and commands. */
  reset(): void {
    this.recorded = [];
    this.faults.clear();
    this.directory.clearActivity();
  }

  /** Drops gateway connections (destroy the client first, or it reconnects), stops listening, abandons delayed answers. */
  async close(): Promise<void> {
    this.shutdown.abort();
    this.gateway.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const record = await readRequest(request, this.origin);
    const { method, path } = record;
    record.fault = this.faults.take(method, path);
    this.recorded.push(record);
    this.activity.notify();

    const { fault } = record;
    if (fault !== undefined && "delayMs" in fault) {
      const stillOpen = await sleep(fault.delayMs, true, { signal: this.shutdown.signal }).catch(() => false);
      if (!stillOpen) return;
    }
    const answer =
      fault !== undefined && "status" in fault
        ? faultAnswer(fault)
        : answerRest(
            {
              method,
              path,
              query: new URLSearchParams(record.query),
              body: record.body,
              authorized: record.authorization === `Bot ${this.options.token}`,
            },
            {
              directory: this.directory,
              commands: this.registry,
              interactions: this.interactions,
              gatewayUrl: this.gatewayUrl,
              shardCount: this.options.shardCount ?? 1,
              maxConcurrency: this.options.maxConcurrency ?? 1,
            },
          );
    record.status = answer.status;
    sendAnswer(response, answer, rateLimitHeaders(method, path, fault));
    this.activity.notify();
  }
}
