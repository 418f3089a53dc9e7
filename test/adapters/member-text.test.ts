/** Member text in the bot's copy: marked by the core, escaped by each platform's rules, the bot's own markup kept. */
import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../src/adapters/discord/render.ts";
import { renderBlocks } from "../../src/adapters/slack/render.ts";
import { memberText, renderMarkup, withoutMarks } from "../../src/core/member-text.ts";

const UPPER = {
  bot: (text: string) => text.toUpperCase(),
  member: (text: string, inCode: boolean) => (inCode ? `[${text}]` : `(${text})`),
};

describe("memberText and renderMarkup", () => {
  it("GIVEN copy with member text THEN the bot's rule runs around it and the member rule on it", () => {
    expect(renderMarkup(`offer from ${memberText("acme")}!`, UPPER)).toBe("OFFER FROM (acme)!");
  });

  it("GIVEN member text inside the bot's code span THEN the member rule is told so", () => {
    expect(renderMarkup(`try \`timeline ${memberText("acme")}\` or ${memberText("x")}`, UPPER)).toBe(
      "TRY `TIMELINE [acme]` OR (x)",
    );
  });

  it("GIVEN member text that carries marks of its own THEN they cannot open or close a span", () => {
    const forged = memberText("a\uE001*b*\uE000c");
    expect(renderMarkup(forged, UPPER)).toBe("(a*b*c)");
    expect(withoutMarks(`x ${forged}`)).toBe("x a*b*c");
  });
});

describe("the bot's formatting survives around member text", () => {
  const message = { text: `*Offer!* from ${memberText("*Acme* <!here>")}: \`accepted ${memberText("`x`")}\`` };

  it("GIVEN Slack THEN our bold stays, theirs is fenced, entities escaped in blocks and fallback text alike", () => {
    const slack = renderBlocks(message);
    const expected = "*Offer!* from \u200b*\u200bAcme\u200b*\u200b &lt;!here&gt;: `accepted \u02cbx\u02cb`";
    expect(slack.text).toBe(expected);
    expect(JSON.stringify(slack.blocks)).toContain(JSON.stringify(expected).slice(1, -1));
  });

  it("GIVEN Discord THEN our bold is doubled, theirs escaped, mentions fenced, and no mention may ping", () => {
    const discord = renderDiscord(message);
    expect(discord.embeds[0]?.description).toBe("**Offer!** from \\*Acme\\* \\<!here\\>: `accepted \u02cbx\u02cb`");
    expect(discord.allowedMentions).toEqual({ parse: [] });
  });
});
