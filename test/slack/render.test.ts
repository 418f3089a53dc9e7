/** Pure Slack translation: Block Kit rendering, button values, error mapping and the modal's command line. */
import { describe, expect, it } from "vitest";
import { toDeliveryError } from "../../src/adapters/slack/errors.ts";
import { commandFromModal, logModal } from "../../src/adapters/slack/modal.ts";
import { decodeButtonValue, encodeButtonValue, escapeMrkdwn, renderBlocks } from "../../src/adapters/slack/render.ts";

describe("renderBlocks", () => {
  it("GIVEN a full message THEN it becomes header, escaped sections, fields, a list and buttons bound to the owner", () => {
    const rendered = renderBlocks(
      {
        title: "Your pipeline",
        text: "Use `gap <topic>` & keep going",
        fields: [{ label: "Rounds", value: "3" }],
        items: ["Acme: onsite"],
        buttons: [{ actionId: "feedback.asked", label: "I asked", command: 'asked "Acme Corp"', style: "primary" }],
      },
      "U1",
    );
    const types = rendered.blocks.map((block) => block.type);
    expect(types).toEqual(["header", "section", "section", "section", "actions"]);
    expect(JSON.stringify(rendered.blocks[1])).toContain("`gap &lt;topic&gt;` &amp; keep going");
    const button = (rendered.blocks[4] as { elements: { action_id: string; value: string; style: string }[] })
      .elements[0];
    expect(button?.action_id).toBe("nextstep:feedback.asked:0");
    expect(decodeButtonValue(button?.value)).toEqual({ command: 'asked "Acme Corp"', owner: "U1" });
    expect(rendered.text).toContain("Your pipeline");
  });

  it("GIVEN text longer than a section allows THEN it is split, never cut off", () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} ${"x".repeat(30)}`).join("\n");
    const sections = renderBlocks({ text }).blocks.filter((block) => block.type === "section");
    expect(sections.length).toBeGreaterThan(1);
    const joined = sections.map((block) => (block as { text: { text: string } }).text.text).join("\n");
    expect(joined).toBe(text);
  });

  it("GIVEN characters Slack treats as markup THEN they are escaped", () => {
    expect(escapeMrkdwn("<@U1> & <!channel>")).toBe("&lt;@U1&gt; &amp; &lt;!channel&gt;");
  });

  it("GIVEN a value that is not ours THEN decoding refuses it", () => {
    expect(decodeButtonValue("not json")).toBeUndefined();
    expect(decodeButtonValue(JSON.stringify({ x: 1 }))).toBeUndefined();
    expect(decodeButtonValue(encodeButtonValue({ command: "gaps" }))).toEqual({ command: "gaps" });
  });
});

describe("toDeliveryError", () => {
  it.each([
    [{ code: "slack_webapi_rate_limited_error", retryAfter: 7 }, "transient", "ratelimited", 7000],
    [{ code: "slack_webapi_platform_error", data: { error: "ratelimited" } }, "transient", "ratelimited", 30_000],
    [
      { code: "slack_webapi_platform_error", data: { error: "channel_not_found" } },
      "permanent",
      "channel_not_found",
      undefined,
    ],
    [
      { code: "slack_webapi_platform_error", data: { error: "not_in_channel" } },
      "permanent",
      "not_in_channel",
      undefined,
    ],
    [
      { code: "slack_webapi_platform_error", data: { error: "user_not_found" } },
      "permanent",
      "user_not_found",
      undefined,
    ],
    [
      { code: "slack_webapi_platform_error", data: { error: "account_inactive" } },
      "permanent",
      "account_inactive",
      undefined,
    ],
    [{ code: "slack_webapi_platform_error", data: { error: "is_archived" } }, "permanent", "is_archived", undefined],
    [
      { code: "slack_webapi_platform_error", data: { error: "internal_error" } },
      "transient",
      "internal_error",
      undefined,
    ],
    [{ code: "slack_webapi_http_error", statusCode: 503 }, "transient", "http_503", undefined],
    [
      { code: "slack_webapi_http_error", statusCode: 429, headers: { "retry-after": "3" } },
      "transient",
      "ratelimited",
      3000,
    ],
    [{ code: "slack_webapi_request_error", message: "timeout" }, "transient", "slack_webapi_request_error", undefined],
  ])("GIVEN %o THEN it is %s with code %s", (error, kind, code, retryAfterMs) => {
    const mapped = toDeliveryError(error);
    expect(mapped.kind).toBe(kind);
    expect(mapped.code).toBe(code);
    expect(mapped.retryAfterMs).toBe(retryAfterMs);
  });
});

describe("refusals no retry can fix", () => {
  it.each([
    "not_authed",
    "invalid_auth",
    "account_inactive",
    "token_revoked",
    "restricted_action",
    "messages_tab_disabled",
    "cannot_dm_bot",
    "user_disabled",
    "not_allowed_token_type",
    "ekm_access_denied",
    "team_not_found",
  ])("GIVEN Slack answers %s THEN the delivery fails for good instead of being retried", (error) => {
    const mapped = toDeliveryError({ code: "slack_webapi_platform_error", data: { error } });
    expect(mapped.kind).toBe("permanent");
    expect(mapped.code).toBe(error);
  });
});

describe("the log modal", () => {
  const values = (fields: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(fields).map(([block, value]) => [block, { value }])) as never;

  it("GIVEN companies THEN the modal offers them to pick", () => {
    expect(JSON.stringify(logModal(["Acme Corp"]))).toContain('"value":"Acme Corp"');
    expect(JSON.stringify(logModal([]))).not.toContain("company_pick");
  });

  it("GIVEN a round with stage, date and time THEN one command line comes out, the company quoted", () => {
    const form = commandFromModal(
      values({
        what: { selected_option: { value: "round" } },
        company_pick: { selected_option: { value: "Acme Corp" } },
        stage: { selected_option: { value: "technical" } },
        date: { selected_date: "2026-12-03" },
        time: { selected_time: "14:30" },
      }),
    );
    expect(form).toEqual({ ok: true, line: 'round "Acme Corp" technical 2026-12-03 14:30' });
  });

  it("GIVEN no company or a round without stage THEN the fields are flagged", () => {
    expect(commandFromModal(values({ what: { selected_option: { value: "round" } } }))).toEqual({
      ok: false,
      errors: { company_new: expect.any(String), stage: expect.any(String) },
    });
  });

  it("GIVEN an application typed as a new company THEN it becomes apply", () => {
    const form = commandFromModal(
      values({ what: { selected_option: { value: "apply" } }, company_new: { value: "Globex" } }),
    );
    expect(form).toEqual({ ok: true, line: "apply Globex" });
  });
});
