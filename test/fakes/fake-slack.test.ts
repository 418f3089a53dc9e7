/** The fake Slack Web API driven by the real WebClient: answers, recording, team isolation, and how each injected fault surfaces. */
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeSlack, type FakeSlack } from "./fake-slack.ts";

const { ErrorCode, LogLevel, WebClient } = webApi;
type WebClientOptions = ConstructorParameters<typeof WebClient>[1];

const ACME = { teamId: "T0ACME", botToken: "xoxb-acme", botUserId: "U0ACMEBOT", botId: "B0ACME", name: "Acme Guild" };
const BETA = { teamId: "T0BETA", botToken: "xoxb-beta", botUserId: "U0BETABOT", botId: "B0BETA", name: "Beta" };

let fake: FakeSlack;

beforeEach(async () => {
  fake = await createFakeSlack();
  fake.addTeam(ACME);
  fake.addTeam(BETA);
  fake.addUser(ACME.teamId, { id: "U0ADA", name: "ada", realName: "Ada L", tz: "Asia/Kolkata", isAdmin: true });
  fake.addUser(ACME.teamId, { id: "U0GONE", name: "gone", deleted: true });
  fake.addUser(BETA.teamId, { id: "U0BOB", name: "bob" });
  fake.addChannel(ACME.teamId, { id: "C0WINS", name: "wins" });
  fake.addChannel(ACME.teamId, { id: "C0OLD", name: "old", archived: true });
  fake.addChannel(ACME.teamId, { id: "C0QUIET", name: "quiet", botIsMember: false });
});

afterEach(async () => {
  await fake.close();
});

/** Tests must never sit out real retry policies, so retries are off; 429s reject instead of sleeping. */
function clientFor(token: string | undefined, options: WebClientOptions = {}) {
  return new WebClient(token, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
    ...options,
  });
}

/** The rejection of `call`, so its fields can be asserted. */
async function failureOf(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error("expected the call to fail");
}

describe("fake Slack: answers", () => {
  it("GIVEN a workspace's bot token WHEN auth.test THEN its team, bot user and bot id, with the token read from the Authorization header", async () => {
    const result = await clientFor(ACME.botToken).auth.test();

    expect(result).toMatchObject({
      ok: true,
      team_id: "T0ACME",
      team: "Acme Guild",
      user_id: "U0ACMEBOT",
      bot_id: "B0ACME",
      url: "https://acme-guild.slack.com/",
    });
    expect(fake.callsTo("auth.test")).toMatchObject([{ method: "auth.test", token: "xoxb-acme" }]);
  });

  it("GIVEN an unknown token WHEN auth.test THEN a platform error invalid_auth; without a token, not_authed", async () => {
    const unknown = await failureOf(clientFor("xoxb-nobody").auth.test());
    const missing = await failureOf(clientFor(undefined).auth.test());

    expect(unknown).toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: "invalid_auth" } });
    expect(missing).toMatchObject({ code: "slack_webapi_platform_error", data: { error: "not_authed" } });
  });

  it("GIVEN a member WHEN users.info THEN Slack's user shape with the zone's offset in seconds; unknown members are user_not_found", async () => {
    const { user } = await clientFor(ACME.botToken).users.info({ user: "U0ADA" });

    expect(user).toMatchObject({
      id: "U0ADA",
      team_id: "T0ACME",
      name: "ada",
      real_name: "Ada L",
      tz: "Asia/Kolkata",
      tz_offset: 19_800,
      is_admin: true,
      is_owner: false,
      deleted: false,
      profile: { display_name: "ada", real_name: "Ada L" },
    });
    expect(await failureOf(clientFor(ACME.botToken).users.info({ user: "U0NOPE" }))).toMatchObject({
      data: { error: "user_not_found" },
    });
  });

  it("GIVEN a member WHEN a DM is opened and posted with blocks THEN the DM id is D<user> and the post is recorded with parsed blocks", async () => {
    const slack = clientFor(ACME.botToken);
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Next step!*" } }];

    const opened = await slack.conversations.open({ users: "U0ADA" });
    const posted = await slack.chat.postMessage({ channel: opened.channel?.id ?? "", text: "Next step!", blocks });

    expect(opened.channel).toEqual({ id: "DU0ADA" });
    expect(posted).toMatchObject({ ok: true, channel: "DU0ADA", message: { text: "Next step!", bot_id: "B0ACME" } });
    expect(fake.callsTo("chat.postMessage")[0]).toMatchObject({
      token: "xoxb-acme",
      params: { channel: "DU0ADA", text: "Next step!", blocks },
    });
    expect(fake.messages("DU0ADA")).toMatchObject([{ teamId: "T0ACME", ts: posted.ts, text: "Next step!", blocks }]);
  });

  it("GIVEN channels in every state WHEN posted to THEN Slack's refusals: channel_not_found, is_archived, not_in_channel, account_inactive", async () => {
    const slack = clientFor(ACME.botToken);
    const errorOf = async (channel: string) =>
      ((await failureOf(slack.chat.postMessage({ channel, text: "hi" }))).data as { error: string }).error;

    await slack.chat.postMessage({ channel: "C0WINS", text: "A win!" });

    expect(fake.messages("C0WINS")).toMatchObject([{ text: "A win!" }]);
    expect(await errorOf("C0NOPE")).toBe("channel_not_found");
    expect(await errorOf("C0OLD")).toBe("is_archived");
    expect(await errorOf("C0QUIET")).toBe("not_in_channel");
    expect(await errorOf("DU0GONE")).toBe("account_inactive");
    expect(await failureOf(slack.conversations.open({ users: "U0GONE" }))).toMatchObject({
      data: { error: "account_inactive" },
    });
  });

  it("GIVEN two workspaces WHEN one's token asks about the other's members and channels THEN it sees none of them", async () => {
    const beta = clientFor(BETA.botToken);

    expect(await failureOf(beta.users.info({ user: "U0ADA" }))).toMatchObject({ data: { error: "user_not_found" } });
    expect(await failureOf(beta.conversations.open({ users: "U0ADA" }))).toMatchObject({
      data: { error: "user_not_found" },
    });
    expect(await failureOf(beta.chat.postMessage({ channel: "C0WINS", text: "x" }))).toMatchObject({
      data: { error: "channel_not_found" },
    });
    expect(await failureOf(beta.conversations.info({ channel: "C0WINS" }))).toMatchObject({
      data: { error: "channel_not_found" },
    });
    expect((await clientFor(ACME.botToken).conversations.info({ channel: "C0WINS" })).channel).toMatchObject({
      id: "C0WINS",
      name: "wins",
    });
    expect(await failureOf(beta.chat.postMessage({ channel: "DU0ADA", text: "x" }))).toMatchObject({
      data: { error: "user_not_found" },
    });
    expect((await beta.auth.test()).team_id).toBe("T0BETA");
  });

  it("GIVEN views WHEN published, opened and updated THEN each answers a view with an id, and App Home keeps the last one per member", async () => {
    const slack = clientFor(ACME.botToken);
    const home = { type: "home" as const, blocks: [{ type: "section", text: { type: "mrkdwn", text: "Pipeline" } }] };
    const modal = {
      type: "modal" as const,
      callback_id: "log_round",
      private_metadata: "app-1",
      title: { type: "plain_text" as const, text: "Log a round" },
      blocks: [],
    };

    const published = await slack.views.publish({ user_id: "U0ADA", view: home });
    const opened = await slack.views.open({ trigger_id: "trigger-1", view: modal });
    const updated = await slack.views.update({ view_id: opened.view?.id ?? "", view: modal });

    expect(published.view).toMatchObject({ type: "home", team_id: "T0ACME", blocks: home.blocks });
    expect(fake.homeView("U0ADA")).toMatchObject({ type: "home", blocks: home.blocks });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: "log_round" });
    expect(updated.view?.id).toBe(opened.view?.id);
    expect(fake.callsTo("views.open")[0]?.params).toMatchObject({ trigger_id: "trigger-1", view: modal });
  });

  it("GIVEN a method the fake does not know WHEN called THEN unknown_method, and the call is still recorded", async () => {
    const failure = await failureOf(clientFor(ACME.botToken).apiCall("reminders.add", { text: "x" }));

    expect(failure).toMatchObject({ data: { error: "unknown_method" } });
    expect(fake.calls.map((call) => call.method)).toEqual(["reminders.add"]);
  });

  it("GIVEN a response_url WHEN the app posts JSON to it THEN it is recorded and waitForResponse resolves with it", async () => {
    const waiting = fake.waitForResponse("cmd-1");
    const answer = await fetch(fake.responseUrl("cmd-1"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Logged.", response_type: "ephemeral" }),
    });

    expect(answer.status).toBe(200);
    expect((await waiting).body).toEqual({ text: "Logged.", response_type: "ephemeral" });
    expect(fake.responses("cmd-1")).toHaveLength(1);
    expect(fake.responses("cmd-2")).toEqual([]);
  });

  it("GIVEN waitFor WHEN the call comes later THEN it resolves with it; WHEN it never comes THEN it rejects naming what did arrive", async () => {
    const slack = clientFor(ACME.botToken);
    const waiting = fake.waitFor("chat.postMessage", (call) => call.params.channel === "C0WINS");
    await slack.chat.postMessage({ channel: "DU0ADA", text: "DM" });
    await slack.chat.postMessage({ channel: "C0WINS", text: "Win" });

    expect((await waiting).params.text).toBe("Win");
    await expect(fake.waitFor("views.publish", undefined, 50)).rejects.toThrow(
      /no matching views.publish call within 50 ms \(calls so far: chat.postMessage, chat.postMessage\)/,
    );
    fake.reset();
    expect(fake.calls).toEqual([]);
    expect(fake.messages("C0WINS")).toEqual([]);
  });

  it("GIVEN a grant WHEN oauth.v2.access exchanges its code THEN the install payload @slack/oauth reads, the token works, and the code is spent", async () => {
    fake.setOAuthGrant("code-1", {
      teamId: "T0GAMMA",
      teamName: "Gamma",
      botToken: "xoxb-gamma",
      botUserId: "U0GAMMABOT",
      botId: "B0GAMMA",
      installerUserId: "U0INSTALLER",
    });
    const noToken = clientFor(undefined);
    const exchange = () => noToken.oauth.v2.access({ code: "code-1", client_id: "id", client_secret: "secret" });

    expect(await exchange()).toMatchObject({
      ok: true,
      access_token: "xoxb-gamma",
      token_type: "bot",
      bot_user_id: "U0GAMMABOT",
      team: { id: "T0GAMMA", name: "Gamma" },
      authed_user: { id: "U0INSTALLER" },
      is_enterprise_install: false,
      enterprise: null,
    });
    expect(await clientFor("xoxb-gamma").auth.test()).toMatchObject({ team_id: "T0GAMMA", bot_id: "B0GAMMA" });
    expect(await failureOf(exchange())).toMatchObject({ data: { error: "invalid_code" } });
  });

  it("GIVEN a revoked workspace WHEN its token is used THEN token_revoked", async () => {
    fake.revokeTeam(ACME.teamId);

    expect(await failureOf(clientFor(ACME.botToken).auth.test())).toMatchObject({ data: { error: "token_revoked" } });
  });
});

describe("fake Slack: injected faults as WebClient surfaces them", () => {
  it("GIVEN a 429 with Retry-After and rejectRateLimitedCalls WHEN called THEN slack_webapi_rate_limited_error with retryAfter in seconds", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 7 });

    const failure = await failureOf(clientFor(ACME.botToken).chat.postMessage({ channel: "C0WINS", text: "x" }));

    expect(failure).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    expect(failure).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(fake.callsTo("chat.postMessage")[0]?.fault).toEqual({ status: 429, retryAfter: 7 });
    expect(fake.messages("C0WINS")).toEqual([]);
  });

  it("GIVEN a 429 WITHOUT rejectRateLimitedCalls WHEN retries run out THEN a request error without retryAfter (so adapters must set the option)", async () => {
    const slack = clientFor(ACME.botToken, { rejectRateLimitedCalls: false });
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 0 });
    fake.failNext("chat.postMessage", { status: 429 });

    const slept = await failureOf(slack.chat.postMessage({ channel: "C0WINS", text: "x" }));
    const noHeader = await failureOf(slack.chat.postMessage({ channel: "C0WINS", text: "x" }));

    // After sleeping Retry-After, the 429 looks like a network failure: no retryAfter to reschedule by.
    expect(slept).toMatchObject({
      code: ErrorCode.RequestError,
      message: expect.stringMatching(/A rate limit was exceeded .*retry-after: 0/),
    });
    expect(slept).not.toHaveProperty("retryAfter");
    expect(noHeader).toMatchObject({ message: expect.stringMatching(/Retry header did not contain a valid timeout/) });
    expect(noHeader).not.toHaveProperty("code");
  });

  it("GIVEN an HTTP 500 WHEN called THEN slack_webapi_http_error with statusCode", async () => {
    fake.failNext("users.info", { status: 500 });

    const failure = await failureOf(clientFor(ACME.botToken).users.info({ user: "U0ADA" }));

    expect(failure).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    expect(failure).toBeInstanceOf(webApi.WebAPIHTTPError);
  });

  it("GIVEN an ok:false fault WHEN called THEN slack_webapi_platform_error with data.error", async () => {
    fake.failNext("chat.postMessage", { error: "channel_not_found" });

    const failure = await failureOf(clientFor(ACME.botToken).chat.postMessage({ channel: "C0WINS", text: "x" }));

    expect(failure).toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: "channel_not_found" } });
    expect(failure).toBeInstanceOf(webApi.WebAPIPlatformError);
  });

  it("GIVEN a slow answer and a client timeout WHEN called THEN slack_webapi_request_error wrapping a TimeoutError, though the post still lands", async () => {
    fake.failNext("chat.postMessage", { delayMs: 150 });

    const failure = await failureOf(
      clientFor(ACME.botToken, { timeout: 50 }).chat.postMessage({ channel: "C0WINS", text: "late" }),
    );

    expect(failure).toMatchObject({ code: ErrorCode.RequestError, original: { name: "TimeoutError" } });
    expect(failure).toBeInstanceOf(webApi.WebAPIRequestError);
    await fake.waitFor("chat.postMessage", (call) => call.answered);
    expect(fake.messages("C0WINS")).toMatchObject([{ text: "late" }]);
  });

  it("GIVEN several faults queued WHEN called repeatedly THEN they are used in order, counted, then normal answers resume", async () => {
    const slack = clientFor(ACME.botToken);
    fake.failNext("auth.test", { status: 503 }, 2);
    fake.failNext("auth.test", { error: "ratelimited" });

    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await failureOf(slack.auth.test())).code);

    expect(codes).toEqual([ErrorCode.HTTPError, ErrorCode.HTTPError, ErrorCode.PlatformError]);
    expect((await slack.auth.test()).ok).toBe(true);
    expect(fake.callsTo("auth.test").map((call) => call.fault)).toEqual([
      { status: 503 },
      { status: 503 },
      { error: "ratelimited" },
      undefined,
    ]);
  });
});
