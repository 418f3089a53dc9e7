/** What Slack answered when a token was checked at start, as an error naming the variable (never the token). */
import { CredentialError, type EnvironmentName } from "../../config.ts";

interface SlackErrorShape {
  code?: string;
  message?: string;
  data?: { error?: string };
  statusCode?: number;
  original?: RequestFailure;
}

/** Why fetch got no answer: its TypeError("fetch failed") carries the system error (ECONNREFUSED, ENOTFOUND) as its cause. */
interface RequestFailure {
  code?: string;
  message?: string;
  cause?: { code?: string };
}

function unanswered(failure: RequestFailure | undefined): string {
  return failure?.cause?.code ?? failure?.code ?? failure?.message ?? "no answer";
}

/** Runs one start-up step that uses the token in `variable`, turning Slack's refusal into a CredentialError. */
export async function checkedWith<T>(variable: EnvironmentName, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw credentialError(variable, error);
  }
}

function credentialError(variable: EnvironmentName, error: unknown): Error {
  const e = (error ?? {}) as SlackErrorShape;
  switch (e.code) {
    case "slack_webapi_platform_error":
      return new CredentialError(variable, "Slack", e.data?.error ?? "unknown_error");
    case "slack_webapi_http_error":
      return new CredentialError(variable, "Slack", `HTTP ${e.statusCode ?? "error"}`);
    case "slack_webapi_request_error":
      // The request never got an answer: connection refused, DNS, timeout.
      return new CredentialError(variable, "Slack", unanswered(e.original), false);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
