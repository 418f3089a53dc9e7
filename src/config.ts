/** Configuration: an explicit object first, the environment as fallback, validated at start with errors that name the variable. */
import { z } from "zod";
import { isValidTimezone } from "./core/time.ts";

/** Every environment variable Next Step reads. The README table and .env.example are checked against this list. */
export const ENVIRONMENT = [
  { name: "DATABASE_URL", description: "Postgres connection string. Unset: embedded PGlite under NEXTSTEP_DATA_DIR." },
  { name: "NEXTSTEP_DATA_DIR", description: "Where the embedded database lives (default `./.data`)." },
  { name: "NEXTSTEP_TIMEZONE", description: "Default IANA timezone for new workspaces (default `UTC`)." },
  {
    name: "NEXTSTEP_CONSOLE_USER",
    description: "Who you are in the console bot: each name is a member of its own (default: the OS user).",
  },
  { name: "LOG_LEVEL", description: "pino level: trace, debug, info, warn, error, fatal (default `info`)." },
  { name: "DISPATCH_INTERVAL_MS", description: "How often due messages are delivered (default `2000`)." },
  { name: "PORT", description: "HTTP port for Slack events, OAuth and health checks (default `3000`)." },
  {
    name: "WORKSPACE_DELETION_GRACE_DAYS",
    description: "Days after the app is removed from a workspace before its data is deleted (default `30`).",
  },
  {
    name: "OUTBOX_RETENTION_DAYS",
    description: "Days a sent message keeps its words before only its bookkeeping is left (default `30`).",
  },
  { name: "SLACK_SIGNING_SECRET", description: "Slack app signing secret; verifies every request from Slack." },
  { name: "SLACK_BOT_TOKEN", description: "Bot token (`xoxb-…`) for a single workspace." },
  { name: "SLACK_CLIENT_ID", description: "OAuth client id, for installing into many workspaces." },
  { name: "SLACK_CLIENT_SECRET", description: "OAuth client secret, with SLACK_CLIENT_ID." },
  { name: "SLACK_STATE_SECRET", description: "Secret that signs the OAuth state, with SLACK_CLIENT_ID." },
  { name: "SLACK_APP_TOKEN", description: "App-level token (`xapp-…`): use Socket Mode instead of HTTP." },
  { name: "SLACK_API_URL", description: "Slack Web API base URL (default Slack's own; tests point it at a fake)." },
  { name: "SLACK_COMMAND", description: "The slash command's name (default `/nextstep`)." },
  { name: "DISCORD_TOKEN", description: "Discord bot token; with DISCORD_APPLICATION_ID, runs the Discord adapter." },
  { name: "DISCORD_APPLICATION_ID", description: "The Discord application's id, with DISCORD_TOKEN." },
  {
    name: "DISCORD_GUILD_ID",
    description:
      "Register commands in this server only (instant updates while testing); unset registers them globally.",
  },
  { name: "DISCORD_API_URL", description: "Discord REST base URL (default Discord's own; tests point it at a fake)." },
] as const;

export type EnvironmentName = (typeof ENVIRONMENT)[number]["name"];

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const schema = z.object({
  DATABASE_URL: optionalText.refine(
    (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
    "must start with postgresql://",
  ),
  NEXTSTEP_DATA_DIR: optionalText.default("./.data"),
  NEXTSTEP_TIMEZONE: optionalText
    .default("UTC")
    .refine((value) => value !== undefined && isValidTimezone(value), "must be an IANA timezone like Europe/Berlin"),
  NEXTSTEP_CONSOLE_USER: optionalText,
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  WORKSPACE_DELETION_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1, "must be at least 1 day").max(3650).default(30),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine(
    (value) => value === undefined || value.startsWith("xox"),
    "must be a token starting with xoxb-",
  ),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine(
    (value) => value === undefined || value.startsWith("xapp-"),
    "must start with xapp-",
  ),
  SLACK_API_URL: optionalText.refine(
    (value) => value === undefined || /^https?:\/\//.test(value),
    "must be an http(s) URL",
  ),
  SLACK_COMMAND: optionalText
    .default("/nextstep")
    .refine((value) => value !== undefined && /^\/[a-z0-9_-]{1,31}$/.test(value), "must look like /nextstep"),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.refine(
    (value) => value === undefined || /^\d{5,25}$/.test(value),
    "must be a numeric id",
  ),
  DISCORD_GUILD_ID: optionalText.refine(
    (value) => value === undefined || /^\d{5,25}$/.test(value),
    "must be a numeric id",
  ),
  DISCORD_API_URL: optionalText.refine(
    (value) => value === undefined || /^https?:\/\//.test(value),
    "must be an http(s) URL",
  ),
});

/** The Discord adapter's settings. */
export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Commands are registered in this guild only when set. */
  guildId: string | undefined;
  /** REST base, e.g. http://127.0.0.1:PORT/api; the gateway address then comes from that server. */
  apiUrl: string | undefined;
}

/** How the Slack adapter runs: one workspace with a bot token, or many through OAuth installs. */
export interface SlackConfig {
  mode: "single" | "oauth";
  signingSecret: string | undefined;
  botToken: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  stateSecret: string | undefined;
  /** Present: Socket Mode instead of HTTP. */
  appToken: string | undefined;
  /** With the trailing slash Bolt's client needs. */
  apiUrl: string | undefined;
  command: string;
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  defaultTimezone: string;
  consoleUser: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  dispatchIntervalMs: number;
  port: number;
  deletionGraceDays: number;
  /** Days a sent message keeps its payload; the outbox-retention job blanks it after that. */
  outboxRetentionDays: number;
  /** Absent when no Slack credentials are set. */
  slack: SlackConfig | undefined;
  /** Absent when no Discord credentials are set. */
  discord: DiscordConfig | undefined;
}

/** A configuration problem, naming the variable to fix. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable} ${detail}. Fix or unset ${variable} and start again.`);
    this.name = "ConfigError";
  }
}

/**
 * A platform refused a credential at start (`SLACK_BOT_TOKEN was refused by Slack: invalid_auth`), or could not be
 * reached to check it. Names the variable and what the platform answered, never the credential itself.
 */
export class CredentialError extends Error {
  constructor(
    readonly variable: EnvironmentName,
    platform: "Slack" | "Discord",
    answer: string,
    reached = true,
  ) {
    super(
      reached
        ? `${variable} was refused by ${platform}: ${answer}. Check it (a token stops working when the app is removed or the token regenerated) and start again.`
        : `${platform} could not be reached to check ${variable}: ${answer}. Check the network and start again.`,
    );
    this.name = "CredentialError";
  }
}

/** Reads configuration from `env` (the process environment by default), throwing a ConfigError on the first bad variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = schema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? "configuration"), issue?.message ?? "is invalid");
  }
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: values.NEXTSTEP_DATA_DIR ?? "./.data",
    defaultTimezone: values.NEXTSTEP_TIMEZONE ?? "UTC",
    consoleUser: values.NEXTSTEP_CONSOLE_USER,
    logLevel: values.LOG_LEVEL,
    dispatchIntervalMs: values.DISPATCH_INTERVAL_MS,
    port: values.PORT,
    deletionGraceDays: values.WORKSPACE_DELETION_GRACE_DAYS,
    outboxRetentionDays: values.OUTBOX_RETENTION_DAYS,
    slack: slackConfig(values),
    discord: discordConfig(values),
    ...overrides,
  };
}

/**
 * A variable set to nothing (`LOG_LEVEL=` as `.env.example` has it) is unset: coercing "" would make PORT 0 (a random
 * port), WORKSPACE_DELETION_GRACE_DAYS 0 (delete at once) and LOG_LEVEL invalid.
 */
function withoutBlanks(env: Record<string, string | undefined>): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() !== "") set[name] = value;
  return set;
}

type Values = z.infer<typeof schema>;

/** Picks the Slack mode from the variables set, naming the one missing from a half-configured set. */
function slackConfig(values: Values): SlackConfig | undefined {
  const oauth = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;
  const anyOauth = oauth.some((name) => values[name] !== undefined);
  const anySlack = anyOauth || values.SLACK_BOT_TOKEN !== undefined || values.SLACK_APP_TOKEN !== undefined;
  if (!anySlack) {
    if (values.SLACK_SIGNING_SECRET !== undefined) {
      throw new ConfigError(
        "SLACK_BOT_TOKEN",
        "is needed with SLACK_SIGNING_SECRET (or set SLACK_CLIENT_ID for OAuth)",
      );
    }
    return undefined;
  }
  if (anyOauth) {
    const missing = oauth.find((name) => values[name] === undefined);
    if (missing)
      throw new ConfigError(missing, "is needed for OAuth installs, with the other SLACK_CLIENT_* variables");
  } else if (values.SLACK_BOT_TOKEN === undefined) {
    throw new ConfigError("SLACK_BOT_TOKEN", "is needed with SLACK_APP_TOKEN");
  }
  if (values.SLACK_APP_TOKEN === undefined && values.SLACK_SIGNING_SECRET === undefined) {
    throw new ConfigError("SLACK_SIGNING_SECRET", "is needed to verify requests from Slack");
  }
  const apiUrl = values.SLACK_API_URL;
  return {
    mode: anyOauth ? "oauth" : "single",
    signingSecret: values.SLACK_SIGNING_SECRET,
    botToken: values.SLACK_BOT_TOKEN,
    clientId: values.SLACK_CLIENT_ID,
    clientSecret: values.SLACK_CLIENT_SECRET,
    stateSecret: values.SLACK_STATE_SECRET,
    appToken: values.SLACK_APP_TOKEN,
    apiUrl: apiUrl === undefined || apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`,
    command: values.SLACK_COMMAND ?? "/nextstep",
  };
}

/** Discord needs its token and application id together. */
function discordConfig(values: Values): DiscordConfig | undefined {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId } = values;
  if (token === undefined && applicationId === undefined) return undefined;
  if (token === undefined) throw new ConfigError("DISCORD_TOKEN", "is needed with DISCORD_APPLICATION_ID");
  if (applicationId === undefined) throw new ConfigError("DISCORD_APPLICATION_ID", "is needed with DISCORD_TOKEN");
  return { token, applicationId, guildId: values.DISCORD_GUILD_ID, apiUrl: values.DISCORD_API_URL?.replace(/\/$/, "") };
}
