/** What Discord answered when the bot logged in at start, as an error naming the variable (never the token). */
import { CredentialError } from "../../config.ts";

interface DiscordErrorShape {
  name?: string;
  code?: string | number;
  status?: number;
  message?: string;
  cause?: { code?: string; message?: string };
}

/** Logs in through `login`, turning Discord's refusal of DISCORD_TOKEN (or no answer at all) into a CredentialError. */
export async function checkedLogin<T>(login: () => Promise<T>): Promise<T> {
  try {
    return await login();
  } catch (error) {
    throw credentialError(error);
  }
}

function credentialError(error: unknown): Error {
  const e = (error ?? {}) as DiscordErrorShape;
  // discord.js turns the gateway lookup's 401 into its own TokenInvalid error.
  if (e.code === "TokenInvalid") return new CredentialError("DISCORD_TOKEN", "Discord", "401 Unauthorized");
  if (typeof e.status === "number") return new CredentialError("DISCORD_TOKEN", "Discord", `HTTP ${e.status}`);
  // No answer at all: a system error code (ECONNREFUSED, ENOTFOUND), on the error or under fetch's "fetch failed".
  const systemCode = typeof e.code === "string" && /^E[A-Z]+$/.test(e.code) ? e.code : undefined;
  const unreachable =
    systemCode ?? e.cause?.code ?? (e.message === "fetch failed" || e.name === "AbortError" ? "no answer" : undefined);
  if (unreachable) return new CredentialError("DISCORD_TOKEN", "Discord", unreachable, false);
  return error instanceof Error ? error : new Error(String(error));
}
