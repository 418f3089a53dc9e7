/** The signed-request helpers against a real Bolt App wired to the fake Slack: accepted when signed, 401 otherwise, payloads Bolt routes. */
import type { AddressInfo } from "node:net";
import { App, LogLevel, MemoryInstallationStore } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buildAppHomeOpened,
  buildAppUninstalled,
  buildBlockAction,
  buildTokensRevoked,
  buildUrlVerification,
  buildViewSubmission,
  postEvent,
  postInteraction,
  postSlashCommand,
  signSlackRequest,
  stateValue,
} from "../support/slack-requests.ts";
import { createFakeSlack, type FakeSlack } from "./fake-slack.ts";

const SECRET = "test-signing-secret";
const ACME = { teamId: "T0ACME", botToken: "xoxb-acme", botUserId: "U0ACMEBOT", botId: "B0ACME", name: "Acme" };

let fake: FakeSlack;
const apps: App[] = [];

beforeEach(async () => {
  fake = await createFakeSlack({ clientId: "client-id", clientSecret: "client-secret" });
  fake.addTeam(ACME);
  fake.addUser(ACME.teamId, { id: "U0ADA", name: "ada" });
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  await fake.close();
});

/** Bolt mutates clientOptions (it adds its logger), so every app gets a fresh object. */
function clientOptions() {
  return { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
}

/** Starts the app on a free port: HTTPReceiver's start resolves with the listening http.Server. */
async function startApp(app: App): Promise<string> {
  apps.push(app);
  const server = await app.start(0);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function singleWorkspaceApp(extra: Partial<ConstructorParameters<typeof App>[0]> = {}): App {
  return new App({
    signingSecret: SECRET,
    token: ACME.botToken,
    clientOptions: clientOptions(),
    logLevel: LogLevel.ERROR,
    ...extra,
  });
}

describe("slack-requests against a real Bolt App", () => {
  it("GIVEN a signed slash command WHEN posted THEN Bolt runs the listener, returns the ack body and respond() reaches the fake's response_url", async () => {
    const app = singleWorkspaceApp();
    app.command("/nextstep", async ({ command, ack, respond }) => {
      await ack({ response_type: "ephemeral", text: `heard: ${command.text} from ${command.user_id}` });
      await respond({ text: "and later" });
    });
    const appUrl = await startApp(app);

    const result = await postSlashCommand(appUrl, SECRET, {
      teamId: ACME.teamId,
      userId: "U0ADA",
      text: "applied Acme",
      responseUrl: fake.responseUrl("cmd-1"),
    });

    expect(result.status).toBe(200);
    expect(result.json).toEqual({ response_type: "ephemeral", text: "heard: applied Acme from U0ADA" });
    expect((await fake.waitForResponse("cmd-1")).body).toEqual({ text: "and later" });
  });

  it.each([
    "bad-signature",
    "stale-timestamp",
    "unsigned",
  ] as const)("GIVEN a %s request WHEN posted THEN Bolt answers 401 and the listener never runs", async (signing) => {
    const app = singleWorkspaceApp();
    let heard = 0;
    app.command("/nextstep", async ({ ack }) => {
      heard += 1;
      await ack();
    });
    const appUrl = await startApp(app);

    const result = await postSlashCommand(
      appUrl,
      SECRET,
      { teamId: ACME.teamId, userId: "U0ADA", responseUrl: fake.responseUrl("cmd") },
      { signing },
    );

    expect(result.status).toBe(401);
    expect(heard).toBe(0);
  });

  it("GIVEN signSlackRequest WHEN compared with a known Slack example THEN the same v0 signature", () => {
    // From Slack's "Verifying requests from Slack" documentation.
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    const headers = signSlackRequest("8f742231b10e8888abcd99yyyzzz85a5", body, 1531420618);

    expect(headers).toEqual({
      "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
      "x-slack-request-timestamp": "1531420618",
      "content-type": "application/x-www-form-urlencoded",
    });
  });

  it("GIVEN a url_verification challenge WHEN signed THEN Bolt echoes it; unsigned THEN 401", async () => {
    const appUrl = await startApp(singleWorkspaceApp());

    const signed = await postEvent(appUrl, SECRET, buildUrlVerification("abc123"));
    const unsigned = await postEvent(appUrl, SECRET, buildUrlVerification("abc123"), { signing: "unsigned" });

    expect(signed).toMatchObject({ status: 200, json: { challenge: "abc123" } });
    expect(unsigned.status).toBe(401);
  });

  it("GIVEN built payloads WHEN posted THEN Bolt routes block actions, view submissions and events to their listeners", async () => {
    const app = singleWorkspaceApp();
    const heard: Record<string, unknown> = {};
    app.action("snooze", async ({ ack, body, action }) => {
      await ack();
      heard.action = { type: body.type, value: "value" in action ? action.value : undefined, user: body.user.id };
    });
    app.view("log_round", async ({ ack, view, body }) => {
      await ack();
      heard.view = { metadata: view.private_metadata, company: view.state.values.company?.name, user: body.user.id };
    });
    app.event("app_home_opened", async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: "home", blocks: [] } });
    });
    app.event("app_uninstalled", async ({ context }) => {
      heard.uninstalled = context.teamId;
    });
    app.event("tokens_revoked", async ({ event }) => {
      heard.revoked = event.tokens.bot;
    });
    const appUrl = await startApp(app);
    const person = { teamId: ACME.teamId, userId: "U0ADA" };

    const responses = [
      await postInteraction(appUrl, SECRET, buildBlockAction({ ...person, actionId: "snooze", value: "app-1" })),
      await postInteraction(
        appUrl,
        SECRET,
        buildViewSubmission({
          ...person,
          callbackId: "log_round",
          privateMetadata: "app-1",
          values: { company: { name: stateValue.text("Acme") } },
        }),
      ),
      await postEvent(appUrl, SECRET, buildAppHomeOpened(person, { botUserId: ACME.botUserId })),
      await postEvent(appUrl, SECRET, buildAppUninstalled(ACME.teamId)),
      await postEvent(appUrl, SECRET, buildTokensRevoked(ACME.teamId, [ACME.botUserId])),
    ];

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(heard.action).toEqual({ type: "block_actions", value: "app-1", user: "U0ADA" });
    expect(heard.view).toEqual({
      metadata: "app-1",
      company: { type: "plain_text_input", value: "Acme" },
      user: "U0ADA",
    });
    expect((await fake.waitFor("views.publish")).params).toMatchObject({ user_id: "U0ADA", team_id: "T0ACME" });
    expect(heard).toMatchObject({ uninstalled: "T0ACME", revoked: ["U0ACMEBOT"] });
  });
});

describe("when Bolt calls auth.test", () => {
  it("GIVEN a token and default options THEN once, from the constructor (before start), and never per request", async () => {
    const app = singleWorkspaceApp();
    app.command("/nextstep", async ({ ack }) => ack());

    await fake.waitFor("auth.test");
    const appUrl = await startApp(app);
    for (const id of ["a", "b"]) {
      await postSlashCommand(appUrl, SECRET, {
        teamId: ACME.teamId,
        userId: "U0ADA",
        responseUrl: fake.responseUrl(id),
      });
    }

    expect(fake.callsTo("auth.test")).toHaveLength(1);
  });

  it("GIVEN tokenVerificationEnabled: false THEN on every request, unless botId and botUserId are passed", async () => {
    const lazy = singleWorkspaceApp({ tokenVerificationEnabled: false });
    const told = singleWorkspaceApp({ tokenVerificationEnabled: false, botId: ACME.botId, botUserId: ACME.botUserId });
    for (const app of [lazy, told]) app.command("/nextstep", async ({ ack }) => ack());
    const lazyUrl = await startApp(lazy);
    const toldUrl = await startApp(told);
    const command = { teamId: ACME.teamId, userId: "U0ADA", responseUrl: fake.responseUrl("x") };

    expect(fake.callsTo("auth.test")).toHaveLength(0);
    await postSlashCommand(lazyUrl, SECRET, command);
    await postSlashCommand(lazyUrl, SECRET, command);
    expect(fake.callsTo("auth.test")).toHaveLength(2);
    await postSlashCommand(toldUrl, SECRET, command);
    expect(fake.callsTo("auth.test")).toHaveLength(2);
  });

  it("GIVEN an OAuth install WHEN the redirect brings a code THEN oauth.v2.access then auth.test with the new token, and the installation is stored", async () => {
    fake.setOAuthGrant("code-1", {
      teamId: "T0GAMMA",
      teamName: "Gamma",
      botToken: "xoxb-gamma",
      botUserId: "U0GAMMABOT",
      botId: "B0GAMMA",
      installerUserId: "U0INSTALLER",
    });
    const installationStore = new MemoryInstallationStore();
    const app = new App({
      signingSecret: SECRET,
      clientId: "client-id",
      clientSecret: "client-secret",
      stateSecret: "state-secret",
      scopes: ["commands", "chat:write"],
      installationStore,
      installerOptions: { stateVerification: false },
      clientOptions: clientOptions(),
      logLevel: LogLevel.ERROR,
    });
    const appUrl = await startApp(app);

    const redirect = await fetch(`${appUrl}/slack/oauth_redirect?code=code-1`);

    expect(redirect.status).toBe(200);
    expect(fake.calls.map((call) => [call.method, call.token])).toEqual([
      ["oauth.v2.access", undefined],
      ["auth.test", "xoxb-gamma"],
    ]);
    expect(fake.callsTo("oauth.v2.access")[0]?.params).toMatchObject({ code: "code-1", client_id: "client-id" });
    expect(
      await installationStore.fetchInstallation({
        teamId: "T0GAMMA",
        isEnterpriseInstall: false,
        enterpriseId: undefined,
      }),
    ).toMatchObject({
      team: { id: "T0GAMMA", name: "Gamma" },
      bot: {
        token: "xoxb-gamma",
        userId: "U0GAMMABOT",
        id: "B0GAMMA",
        scopes: ["commands", "chat:write", "im:write", "users:read", "channels:read"],
      },
      user: { id: "U0INSTALLER" },
      isEnterpriseInstall: false,
    });
  });
});
