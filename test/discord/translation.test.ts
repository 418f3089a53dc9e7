/** Pure Discord translation: the command definition derived from the table, embeds, buttons, moments and errors. */
import { describe, expect, it } from "vitest";
import {
  commandFromPlacement,
  nextstepDefinition,
  type OptionDefinition,
  placementOf,
} from "../../src/adapters/discord/definitions.ts";
import { toDeliveryError } from "../../src/adapters/discord/errors.ts";
import { sameDefinitions } from "../../src/adapters/discord/register.ts";
import { decodeCustomId, encodeCustomId, renderDiscord, toDiscordMarkdown } from "../../src/adapters/discord/render.ts";
import { COMMAND_TABLE } from "../../src/core/commands/table.ts";
import { formatMoment } from "../../src/core/moments.ts";

const definition = nextstepDefinition(COMMAND_TABLE);
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function walk(
  options: readonly OptionDefinition[],
  visit: (option: OptionDefinition, siblings: readonly OptionDefinition[]) => void,
) {
  for (const option of options) {
    visit(option, options);
    if (option.options) walk(option.options, visit);
  }
}

describe("the /nextstep definition", () => {
  it("GIVEN the command table THEN every command is reachable and maps back to itself", () => {
    for (const command of COMMAND_TABLE) {
      const place = placementOf(command.name);
      expect(commandFromPlacement(place.group ?? null, place.name), command.name).toBe(command.name);
    }
    expect(commandFromPlacement(null, "tz")).toBeUndefined();
  });

  it("GIVEN Discord's limits THEN no level has more than 25 entries, names are valid and required options come first", () => {
    expect(definition.options.length).toBeLessThanOrEqual(25);
    walk(definition.options, (option, siblings) => {
      expect(option.name).toMatch(NAME);
      expect(option.description.length).toBeGreaterThan(0);
      expect(option.description.length).toBeLessThanOrEqual(100);
      expect(siblings.length).toBeLessThanOrEqual(25);
      if (option.options && option.type === 1) {
        const required = option.options.map((child) => child.required ?? false);
        expect(required, option.name).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      }
      expect(option.choices?.length ?? 0).toBeLessThanOrEqual(25);
    });
  });

  it("GIVEN typed kinds THEN stages are choices, companies autocomplete, ratings are integers 1-5", () => {
    const round = definition.options.find((option) => option.name === "round");
    expect(round?.options?.find((option) => option.name === "stage")?.choices?.map((choice) => choice.value)).toContain(
      "system-design",
    );
    expect(round?.options?.find((option) => option.name === "company")).toMatchObject({
      type: 3,
      autocomplete: true,
      required: true,
    });
    const application = definition.options.find((option) => option.name === "application");
    const impression = application?.options?.find((option) => option.name === "impression");
    expect(impression?.options?.find((option) => option.name === "rating")).toMatchObject({
      type: 4,
      min_value: 1,
      max_value: 5,
    });
  });

  it("GIVEN what Discord echoes back (ids, defaults) THEN it counts as unchanged; a changed description does not", () => {
    const echoed = JSON.parse(JSON.stringify([{ ...definition, id: "1", application_id: "2", version: "3" }]));
    expect(sameDefinitions(echoed, [definition])).toBe(true);
    expect(sameDefinitions([{ ...definition, description: "something else" }], [definition])).toBe(false);
    expect(sameDefinitions([], [definition])).toBe(false);
  });
});

describe("renderDiscord", () => {
  it("GIVEN a message with a moment, fields, list and buttons THEN it is one embed with <t:…:F> and bound buttons", () => {
    const at = new Date("2026-12-03T09:00:00Z");
    const rendered = renderDiscord(
      {
        title: "Your pipeline",
        text: `Next: onsite on ${formatMoment(at, "Europe/Berlin")}, *good luck*`,
        fields: [{ label: "Rounds", value: "3" }],
        items: ["Acme: onsite"],
        buttons: [{ actionId: "feedback.asked", label: "I asked", command: 'asked "Acme Corp"', style: "primary" }],
        private: true,
      },
      { guildId: "111", owner: "222" },
    );
    expect(rendered.flags).toBe(64);
    const embed = rendered.embeds[0] as { title: string; description: string };
    expect(embed.title).toBe("Your pipeline");
    expect(embed.description).toContain(`<t:${at.getTime() / 1000}:F>`);
    expect(embed.description).toContain("**good luck**");
    expect(embed.description).toContain("• Acme: onsite");
    const button = (rendered.components[0] as { components: { custom_id: string; style: number }[] }).components[0];
    expect(decodeCustomId(button?.custom_id ?? "")).toEqual({
      guildId: "111",
      owner: "222",
      command: 'asked "Acme Corp"',
    });
    expect(button?.style).toBe(1);
  });

  it("GIVEN a command too long for a custom id THEN the button is left out rather than cut", () => {
    expect(encodeCustomId({ guildId: "1", owner: "2", command: `feedback "${"x".repeat(120)}"` })).toBeUndefined();
  });

  it("GIVEN markdown THEN single-asterisk bold becomes Discord bold and existing bold stays", () => {
    expect(toDiscordMarkdown("*Your pipeline* and **kept**")).toBe("**Your pipeline** and **kept**");
  });
});

describe("toDeliveryError", () => {
  it.each([
    [{ name: "DiscordAPIError[50007]", code: 50007, status: 403 }, "permanent", "dm_closed"],
    [{ name: "DiscordAPIError", code: 10003, status: 404 }, "permanent", "channel_not_found"],
    [{ name: "DiscordAPIError", code: 10013, status: 404 }, "permanent", "user_not_found"],
    [{ name: "DiscordAPIError", code: 50001, status: 403 }, "permanent", "not_in_channel"],
    [{ name: "HTTPError", status: 502 }, "transient", "http_502"],
    [{ name: "AbortError", message: "aborted" }, "transient", "request_error"],
  ])("GIVEN %o THEN it is %s (%s)", (error, kind, code) => {
    const mapped = toDeliveryError(error);
    expect([mapped.kind, mapped.code]).toEqual([kind, code]);
  });

  it("GIVEN a rate limit THEN it is transient and keeps Discord's retry_after", () => {
    const mapped = toDeliveryError({ name: "RateLimitError[/channels/:id/messages]", retryAfter: 1500 });
    expect(mapped).toMatchObject({ kind: "transient", code: "ratelimited", retryAfterMs: 1500 });
  });
});
