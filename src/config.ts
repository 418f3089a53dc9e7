/** Configuration: an explicit object first, the environment as fallback, validated at start with errors that name the variable. */
import { z } from "zod";
import { isValidTimezone } from "./core/time.ts";

/** Every environment variable Next Step reads. The README table and .env.example are checked against this list. */
export const ENVIRONMENT = [
  { name: "DATABASE_URL", description: "Postgres connection string. Unset: embedded PGlite under NEXTSTEP_DATA_DIR." },
  { name: "NEXTSTEP_DATA_DIR", description: "Where the embedded database lives (default `./.data`)." },
  { name: "NEXTSTEP_TIMEZONE", description: "Default IANA timezone for new workspaces (default `UTC`)." },
  { name: "NEXTSTEP_CONSOLE_USER", description: "Your name in the console bot (default: the OS user)." },
  { name: "LOG_LEVEL", description: "pino level: trace, debug, info, warn, error, fatal (default `info`)." },
  { name: "DISPATCH_INTERVAL_MS", description: "How often due messages are delivered (default `2000`)." },
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
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  defaultTimezone: string;
  consoleUser: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  dispatchIntervalMs: number;
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

/** Reads configuration from `env` (the process environment by default), throwing a ConfigError on the first bad variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = schema.safeParse(env);
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
    ...overrides,
  };
}
