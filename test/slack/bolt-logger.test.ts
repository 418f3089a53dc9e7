/** Bolt's and the Web API client's own log lines pass through the app's logger without tokens, URLs' secrets or payloads. */
import { describe, expect, it } from "vitest";
import { boltLogger } from "../../src/adapters/slack/logger.ts";
import { createLogger } from "../../src/logger.ts";
import { captureLogs } from "../support/log-capture.ts";

const COMPANY = "Zanzibar Quantum Widgets";

describe("Bolt's log lines", () => {
  it.each([
    ["a request body", ["http request body:", `{"channel":"D1","text":"Invited at ${COMPANY}!"}`]],
    ["a request result", [`http request result: {"ok":true,"message":{"text":"${COMPANY}"}}`]],
    ["an error object", [new Error(`An API error occurred: ${COMPANY}`)]],
    ["a token", ["retrying with xoxb-1234-5678-abcdef and xapp-1-A1-99-ffee"]],
    ["a response_url", ["posting to https://hooks.slack.com/commands/T1/123/abcSECRET"]],
  ])("GIVEN %s THEN the logged line keeps none of it", (_what, parts) => {
    const logs = captureLogs();
    boltLogger(createLogger("debug", { stream: logs.stream })).debug(...parts);
    const written = logs.text();
    expect(written).toContain('"source":"bolt"');
    for (const secret of [COMPANY, "xoxb-1234", "xapp-1-A1", "abcSECRET"]) expect(written).not.toContain(secret);
  });
});
