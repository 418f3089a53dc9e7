/** Hostile member text for the markup tests: what each platform would turn into a ping, a link or formatting if echoed raw. */

/** Used as company, role, note and display name in the Slack and Discord markup tests. */
export const HOSTILE = [
  "<!channel>",
  "<!here>",
  "@everyone",
  "@here",
  "<@U123>",
  "<@123456789012345678>",
  "[click me](http://evil.example)",
  "*bold*",
  "`code`",
  "||spoiler||",
  "> quote",
  "# heading",
  "&amp;",
  "<https://evil.example|x>",
] as const;

const ZWSP = "\u200b";

/** What a member's `text` must read as in Slack mrkdwn: entities escaped, emphasis fenced by zero-width spaces. */
export function slackInert(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[*_~`]/g, (mark) => `${ZWSP}${mark}${ZWSP}`);
}

/** What a member's `text` must read as in Discord markdown: markup backslash-escaped, `@` fenced. */
export function discordInert(text: string): string {
  return text.replace(/[\\*_~`|>[\]()#<-]/g, "\\$&").replace(/@/g, `@${ZWSP}`);
}

/** Inline code spans removed: inside one, emphasis and mentions are shown as typed, so they are no leak. */
const outsideCode = (text: string) => text.replace(/`[^`\n]*`/g, "");

/** Raw pieces of hostile text that must never reach Slack in a mrkdwn string. */
export function slackLeaks(text: string): string[] {
  const anywhere = ["<!channel>", "<!here>", "<@U123>", "<https://evil.example|x>", "`code`"];
  const formatting = ["*bold*"];
  return [
    ...anywhere.filter((piece) => text.includes(piece)),
    ...formatting.filter((piece) => outsideCode(text).includes(piece)),
  ];
}

/** Raw pieces of hostile text that must never reach Discord in a markdown string (outside our code spans). */
export function discordLeaks(text: string): string[] {
  if (/`code`/.test(text)) return ["`code`"];
  const shown = outsideCode(text);
  const patterns: [string, RegExp][] = [
    ["@everyone", /@everyone/],
    ["@here", /@here/],
    ["<@U123>", /<@U123>/],
    ["<@123456789012345678>", /<@123456789012345678>/],
    ["masked link", /\[click me\]\(http/],
    ["*bold*", /\*bold\*/],
    ["||spoiler||", /\|\|spoiler\|\|/],
    ["> quote", /(?<!\\)> quote/],
    ["# heading", /(?<!\\)# heading/],
  ];
  return patterns.filter(([, pattern]) => pattern.test(shown)).map(([name]) => name);
}

/** Every mrkdwn string of a Slack payload: its top-level `text` and each `{ type: "mrkdwn", text }` inside it. */
export function slackMrkdwn(payload: unknown): string[] {
  const found: string[] = [];
  const top = payload as { text?: unknown };
  if (typeof top?.text === "string") found.push(top.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const child of node) walk(child);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "mrkdwn" && typeof record.text === "string") found.push(record.text);
      for (const value of Object.values(record)) walk(value);
    }
  };
  walk(top?.text === undefined ? payload : { ...(payload as object), text: undefined });
  return found;
}

/** Every markdown-rendered string of a Discord message body: content, embed titles, descriptions and fields. */
export function discordMarkdown(body: unknown): string[] {
  const message = body as {
    content?: string;
    embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  };
  return [
    message.content ?? "",
    ...(message.embeds ?? []).flatMap((embed) => [
      embed.title ?? "",
      embed.description ?? "",
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
  ].filter((text) => text !== "");
}
