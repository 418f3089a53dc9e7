/** A Slack world for end-to-end tests: the real Bolt app over a migrated PGlite, talking to a local fake Slack. */
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/index.ts";
import type { SlackConfig } from "../../src/config.ts";
import { type Bot, createBot } from "../../src/core/bot.ts";
import type { Timers } from "../../src/core/deadline.ts";
import { createDispatcher, type Dispatcher } from "../../src/core/delivery/dispatcher.ts";
import { type Logger, silentLogger } from "../../src/core/logger.ts";
import { createWorkspaceLifecycle } from "../../src/core/workspace-lifecycle.ts";
import type { Database } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaSlackInstallations } from "../../src/db/prisma-slack-installations.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import type { JobStore } from "../../src/jobs/store.ts";
import { createFakeSlack, type FakeSlack } from "../fakes/fake-slack.ts";
import { type ObservedLifecycle, observeLifecycle } from "./lifecycle-events.ts";
import { postEvent, postInteraction, postSlashCommand, type SlackHttpResult } from "./slack-requests.ts";

export const SECRET = "test-signing-secret";
/** Days from the app's removal to the deletion of a workspace's data, as configured by default. */
export const GRACE_DAYS = 30;
export const START = new Date("2026-11-23T10:00:00.000Z");

export interface SlackWorld {
  fake: FakeSlack;
  db: Database;
  bot: Bot;
  appUrl: string;
  clock: { now(): Date; advance(ms: number): void; set(at: Date): void };
  dispatcher: Dispatcher;
  jobStore: JobStore;
  /** The adapter's workspace lifecycle, observed: await a removal or return instead of polling for it. */
  lifecycle: ObservedLifecycle;
  /** A slash command as `user` of `team`; the answer Slack would get, and the response_url id for late replies. */
  say(text: string, user?: string, team?: string): Promise<SlackHttpResult & { responseId: string }>;
  interact(payload: object): Promise<SlackHttpResult>;
  event(envelope: object): Promise<SlackHttpResult>;
  close(): Promise<void>;
}

export interface SlackWorldOptions {
  db: Database;
  mode?: "single" | "oauth";
  ackDeadlineMs?: number;
  /** Wraps the real bot, e.g. to make it slow. */
  wrapBot?: (bot: Bot) => Bot;
  /** Timers for the acknowledgement deadline (default: real ones). */
  timers?: Timers;
  /** Wires the adapter's "deliver soon" to the world's dispatcher, as the app does (default: tests dispatch by hand). */
  deliverSoon?: boolean;
  /** The adapter's logger (default: silent). */
  logger?: Logger;
}

let responses = 0;

/** Two teams (T1 with admin Ada and Ben, T2 with its own U1), each with a #job-hunt channel. */
export async function startSlackWorld(options: SlackWorldOptions): Promise<SlackWorld> {
  const { db } = options;
  const fake = await createFakeSlack({ clientId: "client-1", clientSecret: "client-secret" });
  fake.addTeam({ teamId: "T1", botToken: "xoxb-t1", botUserId: "UBOT1", botId: "B1", name: "Team One" });
  fake.addTeam({ teamId: "T2", botToken: "xoxb-t2", botUserId: "UBOT2", botId: "B2", name: "Team Two" });
  fake.addUser("T1", { id: "U1", name: "ada", realName: "Ada", tz: "Europe/Berlin", isAdmin: true });
  fake.addUser("T1", { id: "U2", name: "ben", realName: "Ben", tz: "Europe/Berlin" });
  fake.addUser("T2", { id: "U1", name: "cy", realName: "Cy", tz: "America/New_York", isAdmin: true });
  fake.addChannel("T1", { id: "C1", name: "job-hunt" });
  fake.addChannel("T2", { id: "C2", name: "job-hunt" });

  let now = START.getTime();
  const clock = {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    set: (at: Date) => {
      now = at.getTime();
    },
  };
  const store = createPrismaStore(db, { clock });
  const realBot = createBot({ store, clock, logger: silentLogger });
  const bot = options.wrapBot ? options.wrapBot(realBot) : realBot;
  const mode = options.mode ?? "oauth";
  const slack: SlackConfig = {
    mode,
    signingSecret: SECRET,
    botToken: mode === "single" ? "xoxb-t1" : undefined,
    clientId: mode === "oauth" ? "client-1" : undefined,
    clientSecret: mode === "oauth" ? "client-secret" : undefined,
    stateSecret: mode === "oauth" ? "state-secret" : undefined,
    appToken: undefined,
    apiUrl: fake.url,
    command: "/nextstep",
  };
  const lifecycle = observeLifecycle(
    createWorkspaceLifecycle({ store, clock, logger: silentLogger, graceDays: GRACE_DAYS }),
  );
  const adapter: SlackAdapter = createSlackAdapter({
    slack,
    bot,
    store,
    clock,
    logger: options.logger ?? silentLogger,
    port: 0,
    defaultTimezone: "UTC",
    lifecycle: lifecycle.lifecycle,
    installations: mode === "oauth" ? createPrismaSlackInstallations(db.prisma) : undefined,
    ackDeadlineMs: options.ackDeadlineMs,
    timers: options.timers,
    deliverSoon: options.deliverSoon
      ? () => {
          dispatcher.dispatchDue().catch(() => undefined);
        }
      : undefined,
  });
  const { port } = await adapter.start();
  const appUrl = `http://127.0.0.1:${port}`;
  const dispatcher: Dispatcher = createDispatcher({
    queue: store.outbox,
    ports: { SLACK: adapter.delivery },
    clock,
    logger: silentLogger,
    random: () => 0.5,
  });

  return {
    fake,
    db,
    bot,
    appUrl,
    clock,
    dispatcher,
    jobStore: createPrismaJobStore(db.prisma),
    lifecycle,
    async say(text, user = "U1", team = "T1") {
      const responseId = `r${++responses}`;
      const result = await postSlashCommand(appUrl, SECRET, {
        teamId: team,
        userId: user,
        text,
        responseUrl: fake.responseUrl(responseId),
      });
      return { ...result, responseId };
    },
    interact: (payload) => postInteraction(appUrl, SECRET, payload),
    event: (envelope) => postEvent(appUrl, SECRET, envelope),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** Runs the OAuth install for `team` the way a browser would: /slack/install, Slack's consent, the redirect back. */
export async function install(world: SlackWorld, team: "T1" | "T2"): Promise<number> {
  const start = await fetch(`${world.appUrl}/slack/install`, { redirect: "manual" });
  const location = new URL(start.headers.get("location") ?? "");
  const state = location.searchParams.get("state") ?? "";
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const code = `code-${team}`;
  const token = team === "T1" ? "xoxb-t1" : "xoxb-t2";
  world.fake.setOAuthGrant(code, {
    teamId: team,
    teamName: team === "T1" ? "Team One" : "Team Two",
    botToken: token,
    botUserId: team === "T1" ? "UBOT1" : "UBOT2",
    botId: team === "T1" ? "B1" : "B2",
    installerUserId: "U1",
  });
  const back = await fetch(`${world.appUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: "manual",
  });
  return back.status;
}

/** The text of a Block Kit answer, blocks and fallback together, for assertions. */
export function textOf(body: unknown): string {
  return JSON.stringify(body ?? "");
}
