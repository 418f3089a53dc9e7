/** Logs the real discord.js Client into a fake Discord and waits until it is ready, for tests that drive it directly. */
import { Client, type ClientOptions, Events, GatewayIntentBits, type RESTOptions } from "discord.js";
import type { FakeDiscord } from "../fakes/fake-discord.ts";

export interface TestClientOptions {
  token: string;
  /** Merged over `{ api: fake.apiUrl }`; e.g. `{ rejectOnRateLimit: () => true }` to see 429s as RateLimitError. */
  rest?: Partial<RESTOptions>;
  /** Guilds only unless given, as the adapter asks for. */
  intents?: ClientOptions["intents"];
  shards?: ClientOptions["shards"];
  shardCount?: number;
  readyTimeoutMs?: number;
}

/** A logged-in Client past `clientReady` (every guild of its shards received); call `client.destroy()` before `fake.close()`. */
export async function startDiscordClient(fake: FakeDiscord, options: TestClientOptions): Promise<Client> {
  const client = new Client({
    intents: options.intents ?? [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl, ...options.rest },
    ...(options.shards === undefined ? {} : { shards: options.shards }),
    ...(options.shardCount === undefined ? {} : { shardCount: options.shardCount }),
  });
  const timeoutMs = options.readyTimeoutMs ?? 5000;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`discord.js client not ready within ${timeoutMs} ms`)), timeoutMs);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client;
}
