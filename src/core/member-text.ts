/**
 * Member text inside the bot's copy: the core marks what a member wrote, each adapter escapes it for its platform.
 *
 * The core's copy uses a little markup of its own (`*bold*`, `` `commands` ``) and splices in what members typed
 * (companies, roles, notes, display names). Once spliced, a renderer could not tell `*Offer!*` (ours) from a company
 * called `*Offer!*`, nor keep `<!channel>` or `[click](http://…)` from becoming a ping or a link. So every string a
 * member wrote goes into copy through `memberText(x)`, which wraps it in two private-use characters; renderers call
 * `renderMarkup` with their platform's two rules, one for the bot's copy and one for member text, and the marks never
 * reach a platform. Plain readers (tests, the export's text) use `withoutMarks`.
 */
import type { BotMessage } from "./model.ts";

const OPEN = "\uE000";
const CLOSE = "\uE001";
/** Where a member span sat while the bot's rule ran over the copy around it. */
const SLOT = /\uE002(\d+)\uE003/g;
const MARKED = /\uE000([^\uE000\uE001]*)\uE001/g;
const PRIVATE_MARKS = /[\uE000-\uE003]/g;

/** `text`, written by a member, marked so each platform's renderer escapes it; marks inside it are dropped. */
export function memberText(text: string): string {
  return `${OPEN}${text.replace(PRIVATE_MARKS, "")}${CLOSE}`;
}

/** How one platform renders copy: the bot's own markup, and member text (`inCode`: inside a `code` span of ours). */
export interface MarkupRules {
  bot(text: string): string;
  member(text: string, inCode: boolean): string;
}

/** `text` with the bot's rule applied around member spans and the member rule to each span. */
export function renderMarkup(text: string, rules: MarkupRules): string {
  const spans: string[] = [];
  const template = text
    .replace(/[\uE002\uE003]/g, "")
    .replace(MARKED, (_, inner: string) => `\uE002${spans.push(inner) - 1}\uE003`)
    // A mark left unpaired (a clipped string) is dropped; the slots just made stay.
    .replace(/[\uE000\uE001]/g, "");
  const copy = rules.bot(template);
  return copy.replace(SLOT, (_, index: string, offset: number) =>
    rules.member(spans[Number(index)] ?? "", insideCode(copy, offset)),
  );
}

/** Whether `offset` sits inside an inline code span: an odd number of backticks before it on its line. */
function insideCode(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return (text.slice(lineStart, offset).match(/`/g)?.length ?? 0) % 2 === 1;
}

/** The text as written, marks removed: for plain readers and plain-text fields (button labels, headers). */
export function withoutMarks(text: string): string {
  return text.replace(PRIVATE_MARKS, "");
}

/** Every readable string of the message (text, title, fields, items, button labels) passed through `render`. */
export function mapMessageText(message: BotMessage, render: (text: string) => string): BotMessage {
  return {
    ...message,
    text: render(message.text),
    ...(message.title !== undefined ? { title: render(message.title) } : {}),
    ...(message.fields
      ? { fields: message.fields.map((field) => ({ label: render(field.label), value: render(field.value) })) }
      : {}),
    ...(message.items ? { items: message.items.map(render) } : {}),
    ...(message.buttons
      ? { buttons: message.buttons.map((button) => ({ ...button, label: render(button.label) })) }
      : {}),
  };
}

/** The message with every mark removed. */
export function messageWithoutMarks(message: BotMessage): BotMessage {
  return mapMessageText(message, withoutMarks);
}
