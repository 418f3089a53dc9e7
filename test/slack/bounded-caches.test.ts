/** The Slack adapter's caches (DM channels, Web API clients, users) keep a bounded number of entries. */
import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { createSlackDelivery } from "../../src/adapters/slack/delivery.ts";
import { deliveryClients } from "../../src/adapters/slack/delivery-clients.ts";
import { createUserDirectory } from "../../src/adapters/slack/users.ts";
import type { SlackConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/core/logger.ts";

const MESSAGE = { text: "Good luck tomorrow." };

/** Just enough of a WebClient: counts what each method was asked. */
function countingClient() {
  const asked = { open: [] as string[], info: [] as string[] };
  const client = {
    conversations: {
      open: async ({ users }: { users: string }) => {
        asked.open.push(users);
        return { ok: true, channel: { id: `D-${users}` } };
      },
    },
    chat: { postMessage: async () => ({ ok: true, ts: "1.0" }) },
    users: {
      info: async ({ user }: { user: string }) => {
        asked.info.push(user);
        return { ok: true, user: { id: user, name: user } };
      },
    },
  };
  return { client: client as unknown as WebClient, asked };
}

describe("DM channels", () => {
  it("GIVEN more members than the cache holds THEN the least recent one's channel is opened again, the others are not", async () => {
    const { client, asked } = countingClient();
    const delivery = createSlackDelivery({ clientFor: async () => client, dmCacheSize: 2 });
    for (const user of ["U1", "U2", "U2", "U3", "U3", "U1"]) {
      await delivery.sendDirect({ workspaceExternalId: "T1", memberExternalId: user }, MESSAGE);
    }
    expect(asked.open).toEqual(["U1", "U2", "U3", "U1"]);
  });
});

describe("Web API clients", () => {
  it("GIVEN more installed teams than the cache holds THEN a client is reused while cached and made again once forgotten", async () => {
    const slack = { mode: "oauth" } as SlackConfig;
    const installations = {
      find: async (teamId: string) => ({ teamId, botToken: `xoxb-${teamId}`, botUserId: "UB", botId: null }),
    };
    const clientFor = deliveryClients(slack, {}, installations as never, 2);
    const first = await clientFor("T1");
    expect(await clientFor("T1")).toBe(first);
    await clientFor("T2");
    await clientFor("T3");
    expect(await clientFor("T1")).not.toBe(first);
  });
});

describe("users", () => {
  it("GIVEN more users than the cache holds THEN the least recent one is asked about again", async () => {
    const { client, asked } = countingClient();
    const directory = createUserDirectory({ now: () => new Date("2026-12-01T10:00:00Z") }, silentLogger, 2);
    for (const user of ["U1", "U2", "U1", "U3", "U2"]) await directory.lookup(client, "T1", user, user);
    expect(asked.info).toEqual(["U1", "U2", "U3", "U2"]);
  });
});
