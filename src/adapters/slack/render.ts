/** Renders the core's neutral messages as Block Kit, with a plain-text fallback for notifications and old clients. */
import type { types } from "@slack/bolt";
import { z } from "zod";
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

/** The message as Block Kit; buttons are bound to `owner` (the member the message is for) when given. */
export function renderBlocks(original: BotMessage, owner?: string): SlackMessage {
  // Slack's own date tokens would need unescaped markup; the member's local reading is clearer anyway.
  const message = mapMoments(original, (_, reading) => reading);
  const blocks: Block[] = [];
  if (message.title)
    blocks.push({ type: "header", text: { type: "plain_text", text: clip(message.title, HEADER_LIMIT) } });
  if (message.text) for (const piece of chunks(escapeMrkdwn(message.text))) blocks.push(mrkdwnSection(piece));
  const fields = message.fields ?? [];
  for (let start = 0; start < fields.length; start += FIELDS_PER_SECTION) {
    blocks.push({
      type: "section",
      fields: fields.slice(start, start + FIELDS_PER_SECTION).map((field) => ({
        type: "mrkdwn",
        text: clip(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, 2000),
      })),
    });
  }
  if (message.items?.length) {
    const list = message.items.map((item) => `• ${escapeMrkdwn(item)}`).join("\n");
    for (const piece of chunks(list)) blocks.push(mrkdwnSection(piece));
  }
  if (message.file) {
    blocks.push(mrkdwnSection(`*${escapeMrkdwn(message.file.name)}*`));
    for (const piece of chunks(escapeMrkdwn(message.file.content), SECTION_LIMIT - 8))
      blocks.push(mrkdwnSection(`\`\`\`${piece}\`\`\``));
  }
  if (message.buttons?.length) blocks.push(buttonBlock(message.buttons, owner));
  return {
    text: clip(renderPlainText({ ...message, buttons: undefined, file: undefined }), 3000),
    blocks: blocks.slice(0, 50),
  };
}
