/** Maps Slack Web API failures onto the dispatcher's transient/permanent distinction. */
import { DeliveryError } from "../../core/delivery/port.ts";

/** Errors no retry can fix: the recipient, the channel or the install is gone. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "user_not_found",
  "account_inactive",
  "is_archived",
  "user_disabled",
  "cannot_dm_bot",
  "invalid_auth",
  "not_authed",
  "not_allowed_token_type",
  "token_revoked",
  "token_expired",
  "no_installation",
  "team_access_not_granted",
  "missing_scope",
  "msg_too_long",
  "invalid_blocks",
  "cant_delete_message",
  // The workspace forbids it (admin restrictions, Enterprise Key Management) or the member closed DMs with apps.
  "restricted_action",
  "ekm_access_denied",
  "messages_tab_disabled",
  "team_not_found",
]);

/** Slack's ok:false answer for "slow down" (a 200 with `ratelimited`, not the HTTP 429). */
const RATELIMITED_DEFAULT_MS = 30_000;

interface SlackErrorShape {
  code?: string;
  message?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  headers?: Record<string, string | undefined>;
}

/** The `error` of Slack's ok:false answer (e.g. `message_not_found`), or undefined for any other failure. */
export function slackErrorCode(error: unknown): string | undefined {
  const e = (error ?? {}) as SlackErrorShape;
  return e.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as SlackErrorShape;
  switch (e.code) {
    case "slack_webapi_rate_limited_error":
      // chat.postMessage is limited per channel, so a 429 holds that channel (or member's DM), not the workspace.
      return new DeliveryError("rate limited", "transient", "ratelimited", (e.retryAfter ?? 30) * 1000);
    case "slack_webapi_platform_error": {
      const code = e.data?.error ?? "unknown_error";
      if (code === "ratelimited") {
        return new DeliveryError("rate limited", "transient", code, RATELIMITED_DEFAULT_MS);
      }
      return new DeliveryError(code, PERMANENT.has(code) ? "permanent" : "transient", code);
    }
    case "slack_webapi_http_error": {
      const status = e.statusCode ?? 0;
      if (status === 429) {
        const seconds = Number(e.headers?.["retry-after"]);
        return new DeliveryError(
          "HTTP 429",
          "transient",
          "ratelimited",
          Number.isFinite(seconds) ? seconds * 1000 : undefined,
        );
      }
      return new DeliveryError(
        `HTTP ${status}`,
        status >= 500 || status === 0 ? "transient" : "permanent",
        `http_${status}`,
      );
    }
    default:
      // Timeouts and connection failures (slack_webapi_request_error) and anything unexpected: try again later.
      return new DeliveryError(e.message ?? String(error), "transient", e.code ?? "request_error");
  }
}
