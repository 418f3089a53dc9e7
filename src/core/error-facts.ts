/** What may be logged of an error: its kind, the codes drivers attach and its HTTP status, never its message, URL or body. */

export interface ErrorFacts {
  name: string;
  /** A driver's code: Discord's JSON code, Slack's `error` (e.g. `channel_not_found`), Node's `ECONNRESET`, … */
  code?: string | number;
  status?: number;
}

/**
 * An error's message may quote what the member typed, and drivers hang the request on it (discord.js keeps
 * `requestBody` and the `url` with the interaction token), so only these facts are ever logged.
 */
export function errorFacts(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) return { name: typeof error };
  const { code, status, statusCode, data } = error as {
    code?: unknown;
    status?: unknown;
    statusCode?: unknown;
    data?: { error?: unknown };
  };
  // Slack's refusals all share one code; the `error` it answered says which refusal it was.
  const platformCode =
    code === "slack_webapi_platform_error" && typeof data?.error === "string" ? data.error : undefined;
  const shownCode = platformCode ?? code;
  const shownStatus = typeof status === "number" ? status : statusCode;
  return {
    name: error.name,
    ...(typeof shownCode === "string" || typeof shownCode === "number" ? { code: shownCode } : {}),
    ...(typeof shownStatus === "number" ? { status: shownStatus } : {}),
  };
}
