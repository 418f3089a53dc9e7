/** How @discordjs/rest and discord.js surface the fake Discord's injected faults: 429s (retried or rejected), server errors, slow answers. */
import { DiscordAPIError, HTTPError, RateLimitError, RESTEvents, type TextChannel } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { applyCommand, startWorld, WINS, type World } from "../support/fake-discord-world.ts";

const CHANNEL_MESSAGES = { method: "POST", path: /^\/channels\/\d+\/messages$/ };
const CALLBACK = { method: "POST", path: /^\/interactions\/\d+\/[^/]+\/callback$/ };

let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function winsIn(options: Parameters<typeof startWorld>[0] = {}) {
  world = await startWorld(options);
  return { ...world, wins: world.client.channels.cache.get(WINS) as TextChannel };
}

function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("fake Discord: 429 rate limits", () => {
  it("GIVEN default REST options WHEN a post gets 429 THEN @discordjs/rest waits Retry-After itself, emits rateLimited and retries: the send resolves", async () => {
    const { fake, client, wins } = await winsIn();
    const limited: unknown[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info));
    fake.failNext(CHANNEL_MESSAGES, { status: 429, retryAfter: 0.2 });

    await wins.send("Ada got an offer!");

    expect(fake.requestsTo("POST", CHANNEL_MESSAGES.path).map((request) => request.status)).toEqual([429, 200]);
    expect(limited).toMatchObject([{ route: "/channels/:id/messages", majorParameter: WINS, global: false }]);
    // The client waits the fake's Retry-After of 0.2 s, plus its own safety offset, before retrying.
    expect((limited[0] as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(200);
    expect(fake.messages(WINS)).toHaveLength(1);
  });

  it("GIVEN rejectOnRateLimit WHEN a post gets 429 THEN RateLimitError with retryAfter in ms (+ offset); the bucket stays locked client-side until it resets", async () => {
    let rejectWhenLimited = true;
    const { fake, wins } = await winsIn({ rest: { rejectOnRateLimit: () => rejectWhenLimited, offset: 0 } });
    await wins.send("warm the bucket");
    fake.failNext(CHANNEL_MESSAGES, { status: 429, retryAfter: 0.3 });

    const failure = await failureOf(wins.send("Ada got an offer!"));
    expect(failure).toBeInstanceOf(RateLimitError);
    expect(failure).toMatchObject({
      name: "RateLimitError[/channels/:id/messages]",
      retryAfter: 300,
      global: false,
      scope: "user",
      method: "POST",
      route: "/channels/:id/messages",
      majorParameter: WINS,
    });
    const locked = await failureOf(wins.send("again at once"));
    expect(locked).toBeInstanceOf(RateLimitError);
    expect(fake.requestsTo("POST", CHANNEL_MESSAGES.path)).toHaveLength(2);

    // Told to wait rather than reject, the client holds the send until the bucket resets, then it goes through.
    rejectWhenLimited = false;
    await wins.send("after the reset");
    expect(fake.requestsTo("POST", CHANNEL_MESSAGES.path).map((request) => request.status)).toEqual([200, 429, 200]);
    expect(fake.messages(WINS).map((message) => message.content)).toEqual(["warm the bucket", "after the reset"]);
  });

  it("GIVEN rejectOnRateLimit WHEN a 429 is global THEN every route is refused client-side until it passes", async () => {
    const { fake, client, wins } = await winsIn({ rest: { rejectOnRateLimit: () => true } });
    fake.failNext(CHANNEL_MESSAGES, { status: 429, retryAfter: 0.3, global: true });

    expect(await failureOf(wins.send("hi"))).toMatchObject({ global: true, scope: "global" });
    const before = fake.requests.length;
    expect(await failureOf(client.users.fetch("1400000000000000001", { force: true }))).toMatchObject({ global: true });
    expect(fake.requests).toHaveLength(before);
  });

  it("GIVEN a 429 on an interaction callback THEN by default the reply is retried after the wait; with rejectOnRateLimit it rejects for the callback route", async () => {
    const retrying = await winsIn();
    retrying.fake.failNext(CALLBACK, { status: 429, retryAfter: 0.1 });
    const payload = applyCommand();
    const replied = retrying.handleNext(async (interaction) => interaction.isRepliable() && interaction.reply("Noted"));
    retrying.fake.dispatchInteraction(payload);
    await replied;
    expect(retrying.fake.requestsTo("POST", CALLBACK.path).map((request) => request.status)).toEqual([429, 204]);
    expect(retrying.fake.interactionResponses(payload.id)).toHaveLength(1);
    await retrying.close();

    const rejecting = await winsIn({ rest: { rejectOnRateLimit: () => true } });
    rejecting.fake.failNext(CALLBACK, { status: 429, retryAfter: 0.1 });
    const refused = rejecting.handleNext(
      async (interaction) => interaction.isRepliable() && interaction.reply("Noted"),
    );
    rejecting.fake.dispatchInteraction(applyCommand());
    expect(await failureOf(refused)).toMatchObject({ route: "/interactions/:id/:token/callback", retryAfter: 150 });
  });
});

describe("fake Discord: server errors, Discord errors and slow answers", () => {
  it("GIVEN a 500 THEN the default client retries at once and succeeds; with retries: 0 it throws HTTPError with the status", async () => {
    const retrying = await winsIn();
    retrying.fake.failNext(CHANNEL_MESSAGES, { status: 500 });
    await retrying.wins.send("hi");
    expect(retrying.fake.requestsTo("POST", CHANNEL_MESSAGES.path).map((request) => request.status)).toEqual([
      500, 200,
    ]);
    await retrying.close();

    const strict = await winsIn({ rest: { retries: 0 } });
    strict.fake.failNext(CHANNEL_MESSAGES, { status: 503 });
    const failure = await failureOf(strict.wins.send("hi"));
    expect(failure).toBeInstanceOf(HTTPError);
    expect(failure).toMatchObject({ name: "HTTPError", status: 503, method: "POST" });
  });

  it("GIVEN an injected Discord error THEN DiscordAPIError with Discord's message for the code", async () => {
    const { fake, wins } = await winsIn();
    fake.failNext(CHANNEL_MESSAGES, { status: 403, code: 50001 });

    const failure = await failureOf(wins.send("hi"));
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({ code: 50001, status: 403, message: "Missing Access" });
  });

  it("GIVEN an answer slower than the REST timeout THEN the send rejects with an AbortError, yet Discord posted the message", async () => {
    const { fake, wins } = await winsIn({ rest: { timeout: 100, retries: 0 } });
    fake.failNext(CHANNEL_MESSAGES, { delayMs: 300 });

    expect(await failureOf(wins.send("slow"))).toMatchObject({ name: "AbortError" });
    await fake.waitForRequest("POST", CHANNEL_MESSAGES.path);
    expect(fake.messages(WINS).map((message) => message.content)).toEqual(["slow"]);
  });
});
