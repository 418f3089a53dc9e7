/** The process logger censors secrets and payloads wherever a context object carries them, as a net under errorFacts. */
import { describe, expect, it } from "vitest";
import { errorFacts } from "../../src/core/error-facts.ts";
import { createLogger } from "../../src/logger.ts";
import { captureLogs } from "../support/log-capture.ts";

describe("redaction", () => {
  it("GIVEN a context with tokens, secrets, authorization headers, a URL and a request body THEN none is written", () => {
    const logs = captureLogs();
    createLogger("info", { stream: logs.stream }).error(
      {
        token: "tok-1",
        config: { botToken: "tok-2", signingSecret: "tok-3", clientSecret: "tok-4" },
        headers: { authorization: "Bearer tok-5" },
        err: { url: "https://x/interactions/1/tok-6/callback", requestBody: { json: "tok-7" }, body: "tok-8" },
        request: { headers: { Authorization: "Bot tok-9" } },
      },
      "failed",
    );
    expect(logs.text()).toContain("failed");
    expect(logs.text()).not.toMatch(/tok-\d/);
  });
});

describe("errorFacts", () => {
  it.each([
    [
      "a Discord error",
      Object.assign(new Error("Invalid Form Body"), {
        name: "DiscordAPIError[50035]",
        code: 50035,
        status: 400,
        url: "u",
        requestBody: {},
      }),
      { name: "DiscordAPIError[50035]", code: 50035, status: 400 },
    ],
    [
      "a Slack platform error",
      Object.assign(new Error("An API error occurred: channel_not_found"), {
        code: "slack_webapi_platform_error",
        data: { ok: false, error: "channel_not_found" },
      }),
      { name: "Error", code: "channel_not_found" },
    ],
    [
      "a Slack HTTP error",
      Object.assign(new Error("HTTP 503"), { code: "slack_webapi_http_error", statusCode: 503, body: "x" }),
      { name: "Error", code: "slack_webapi_http_error", status: 503 },
    ],
    ["a string", "boom Acme", { name: "string" }],
  ])("GIVEN %s THEN only its name, code and status are kept", (_what, error, facts) => {
    expect(errorFacts(error)).toEqual(facts);
  });
});
