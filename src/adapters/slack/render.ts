/** Renders the core's neutral messages as Block Kit, with a plain-text fallback for notifications and old clients. */
import type { types } from "@slack/bolt";
import { z } from "zod";
import { type MarkupRules, mapMessageText, messageWithoutMarks, renderMarkup } from "../../core/member-text.ts";
import type { BotButton, BotMessage } from "../../core/model.ts";
import { mapMoments } from "../../core/moments.ts";
import { renderPlainText } from "../../core/render-text.ts";

/** A Block Kit block, as Slack's own types describe it. */
export type Block = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const SECTION_LIMIT = 3000;
const HEADER_LIMIT = 150;
const BUTTON_TEXT_LIMIT = 75;
const FIELDS_PER_SECTION = 10;
/** Action ids start with this so one handler owns every Next Step button. */
export const ACTION_PREFIX = "nextstep:";

/** Escapes the three characters Slack's mrkdwn treats as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Member text in mrkdwn: `&`, `<`, `>` escaped (no `<!channel>`, `<@U…>` or `<https://…|…>` can form), emphasis
 * characters fenced by zero-width spaces (Slack has no backslash escape, and a `*` touching a letter-like character
 * opens or closes nothing), a leading `&gt;` kept from quoting; inside our `code` a backtick cannot close the span.
 */
export function escapeMemberMrkdwn(text: string, inCode: boolean): string {
  const escaped = escapeMrkdwn(text);
  if (inCode) return escaped.replace(/`/g, "\u02cb");
  return escaped.replace(/[*_~`]/g, (mark) => `\u200b${mark}\u200b`).replace(/^&gt;/gm, "\u200b&gt;");
}

/** Slack's rules: the bot's copy keeps its `*bold*` and `code` (only `&`, `<`, `>` escaped), member text is inert. */
export const SLACK_MARKUP: MarkupRules = { bot: escapeMrkdwn, member: escapeMemberMrkdwn };

/** A code block's body: no triple backtick can end it early. */
const fenced = (text: string) => escapeMrkdwn(text).replace(/```/g, "`\u200b``");

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Splits text into section-sized pieces at line breaks where possible. */
function chunks(text: string, limit = SECTION_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf("\n", limit);
    const at = cut > limit / 2 ? cut : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

const mrkdwnSection = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text } });

/** What a button carries: the command to run and, when known, who may press it. */
export interface ButtonValue {
  command: string;
  owner?: string;
}

export function encodeButtonValue(value: ButtonValue): string {
  return JSON.stringify(value.owner ? { c: value.command, o: value.owner } : { c: value.command });
}

/** A button's value as Slack hands it back: anyone can craft one, so it is checked, not trusted. */
const BUTTON_VALUE = z.object({ c: z.string(), o: z.string().optional().catch(undefined) });

export function decodeButtonValue(raw: string | undefined): ButtonValue | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? "");
  } catch {
    return undefined;
  }
  const parsed = BUTTON_VALUE.safeParse(json);
  if (!parsed.success) return undefined;
  const { c: command, o: owner } = parsed.data;
  return owner === undefined ? { command } : { command, owner };
}

function buttonBlock(buttons: readonly BotButton[], owner: string | undefined): Block {
  return {
    type: "actions",
    elements: buttons.slice(0, 25).map((button, index) => ({
      type: "button",
      action_id: `${ACTION_PREFIX}${button.actionId}:${index}`,
      text: { type: "plain_text", text: clip(button.label, BUTTON_TEXT_LIMIT) },
      value: encodeButtonValue({ command: button.command, owner }),
      ...(button.style ? { style: button.style } : {}),
    })),
  };
}

/**
 * The message as Block Kit; buttons are bound to `owner` (the member the message is for) when given. Every mrkdwn
 * string, the notification `text` included, goes through SLACK_MARKUP; headers and button labels are plain_text.
 */
export function renderBlocks(original: BotMessage, owner?: string): SlackMessage {
  // Slack's own date tokens would need unescaped markup; the member's local reading is clearer anyway.
  const read = mapMoments(original, (_, reading) => reading);
  const plain = messageWithoutMarks(read);
  const message = mapMessageText(read, (text) => renderMarkup(text, SLACK_MARKUP));
  const blocks: Block[] = [];
  if (plain.title) blocks.push({ type: "header", text: { type: "plain_text", text: clip(plain.title, HEADER_LIMIT) } });
  if (message.text) for (const piece of chunks(message.text)) blocks.push(mrkdwnSection(piece));
  const fields = message.fields ?? [];
  for (let start = 0; start < fields.length; start += FIELDS_PER_SECTION) {
    blocks.push({
      type: "section",
      fields: fields.slice(start, start + FIELDS_PER_SECTION).map((field) => ({
        type: "mrkdwn",
        text: clip(`*${field.label}*\n${field.value}`, 2000),
      })),
    });
  }
  if (message.items?.length) {
    const list = message.items.map((item) => `• ${item}`).join("\n");
    for (const piece of chunks(list)) blocks.push(mrkdwnSection(piece));
  }
  if (message.file) {
    blocks.push(mrkdwnSection(`*${escapeMemberMrkdwn(message.file.name, false)}*`));
    for (const piece of chunks(fenced(message.file.content), SECTION_LIMIT - 8))
      blocks.push(mrkdwnSection(`\`\`\`${piece}\`\`\``));
  }
  if (plain.buttons?.length) blocks.push(buttonBlock(plain.buttons, owner));
  return {
    text: clip(renderPlainText({ ...message, buttons: undefined, file: undefined }), 3000),
    blocks: blocks.slice(0, 50),
  };
}
