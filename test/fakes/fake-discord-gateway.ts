/** The fake Discord gateway: HELLO, IDENTIFY → READY and GUILD_CREATE per guild of the shard, heartbeat acks, RESUME, and dispatches. */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { APIUser, GatewayGuildCreateDispatchData } from "discord.js";
import { type WebSocket, WebSocketServer } from "ws";
import type { ActivityWaiter } from "./fake-discord-http.ts";

/** One frame the client sent (IDENTIFY, heartbeat, RESUME, presence…). */
export interface GatewayFrame {
  op: number;
  d: unknown;
  receivedAt: number;
}

/** The IDENTIFY payload's fields that matter to tests. */
export interface GatewayIdentify {
  token: string;
  intents: number;
  shard: [number, number];
}

export interface FakeGatewayOptions {
  token: string;
  applicationId: string;
  botUser: APIUser;
  heartbeatIntervalMs: number;
  /** The ws:// address the gateway answers on, also sent as `resume_gateway_url`. */
  url: () => string;
  guildIds: () => string[];
  guildCreate: (guildId: string) => GatewayGuildCreateDispatchData | undefined;
  /** Told of every frame in or out, so waiting tests re-check. */
  activity: ActivityWaiter;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  socket: WebSocket | undefined;
}

/** READY and the GUILD_CREATEs after it must reach discord.js in separate reads, or its async handling can reorder them. */
const GUILD_CREATE_DELAY_MS = 20;

export class FakeDiscordGateway {
  readonly frames: GatewayFrame[] = [];
  readonly identifies: GatewayIdentify[] = [];
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: FakeGatewayOptions) {}

  /** Accepts the HTTP upgrade of `GET /gateway?v=10&encoding=json`. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.welcome(ws, request));
  }

  /** Sessions with an open connection, as `[shardId, shardCount]`. */
  openShards(): [number, number][] {
    return [...this.sessions.values()]
      .filter((session) => session.socket !== undefined)
      .map((session) => session.shard);
  }

  /** Whether a session owning the guild's shard (shard 0 for DMs) is connected. */
  connectedFor(guildId?: string): boolean {
    return this.openShards().some((shard) => shard[0] === shardOf(guildId, shard[1]));
  }

  /** Sends a dispatch (op 0) to the session owning the guild's shard (shard 0 for DMs); throws when none is connected. */
  dispatch(event: string, data: unknown, guildId?: string): void {
    const targets = [...this.sessions.values()].filter(
      (session) => session.socket !== undefined && session.shard[0] === shardOf(guildId, session.shard[1]),
    );
    if (targets.length === 0) {
      throw new Error(
        `fake Discord: no gateway session for ${guildId ? `guild ${guildId}` : "DMs"}; is the client logged in?`,
      );
    }
    for (const session of targets) this.send(session, event, data);
  }

  /** The first frame with this op the client sent, already or still to come; rejects after `timeoutMs`. */
  waitForFrame(op: number, timeoutMs = 3000): Promise<GatewayFrame> {
    return this.options.activity.waitFor(
      () => this.frames.find((frame) => frame.op === op),
      timeoutMs,
      () => `no gateway op ${op} (ops so far: ${this.frames.map((frame) => frame.op).join(", ") || "none"})`,
    );
  }

  /** Op 7: asks every connected client to reconnect and resume. */
  requestReconnect(): void {
    for (const session of this.sessions.values())
      session.socket?.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }

  private welcome(ws: WebSocket, request: IncomingMessage): void {
    const params = new URL(request.url ?? "/", "ws://fake").searchParams;
    if (params.has("compress")) {
      ws.close(4000, "fake Discord: zlib-stream is not supported; keep zlib-sync out of the dependencies");
      return;
    }
    ws.on("message", (raw) => this.receive(ws, String(raw)));
    ws.on("close", () => {
      for (const session of this.sessions.values()) if (session.socket === ws) session.socket = undefined;
      this.options.activity.notify();
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
  }

  private receive(ws: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: unknown };
    this.frames.push({ op: frame.op, d: frame.d, receivedAt: Date.now() });
    if (frame.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    if (frame.op === 2) this.identify(ws, frame.d as GatewayIdentify);
    if (frame.op === 6) this.resume(ws, frame.d as { token: string; session_id: string });
    this.options.activity.notify();
  }

  private identify(ws: WebSocket, identify: GatewayIdentify): void {
    const shard = identify.shard ?? [0, 1];
    this.identifies.push({ token: identify.token, intents: identify.intents, shard });
    if (identify.token !== this.options.token) return void ws.close(4004, "Authentication failed.");
    if (shard[0] >= shard[1]) return void ws.close(4010, "Invalid shard.");
    const session: Session = { id: randomUUID().replaceAll("-", ""), shard, seq: 0, socket: ws };
    this.sessions.set(session.id, session);
    const guildIds = this.options.guildIds().filter((id) => shardOf(id, shard[1]) === shard[0]);
    this.send(session, "READY", {
      v: 10,
      user: this.options.botUser,
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.options.url(),
      shard,
      application: { id: this.options.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ["fake-discord"],
    });
    this.later(() => {
      for (const id of guildIds) {
        const guild = this.options.guildCreate(id);
        if (guild !== undefined) this.send(session, "GUILD_CREATE", guild);
      }
    });
  }

  /** A known session resumes (RESUMED, nothing replayed); an unknown one gets op 9 and must identify again. */
  private resume(ws: WebSocket, resume: { token: string; session_id: string }): void {
    const session = this.sessions.get(resume.session_id);
    if (session === undefined || resume.token !== this.options.token) {
      this.later(() => ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null })));
      return;
    }
    session.socket = ws;
    this.send(session, "RESUMED", { _trace: ["fake-discord"] });
  }

  private send(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    session.socket?.send(JSON.stringify({ op: 0, t: event, s: session.seq, d: data }));
    this.options.activity.notify();
  }

  private later(action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, GUILD_CREATE_DELAY_MS);
    this.timers.add(timer);
  }
}

/** Discord's shard formula: `(guild_id >> 22) % shard_count`; DMs go to shard 0. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
  if (guildId === undefined || !/^\d+$/.test(guildId)) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
