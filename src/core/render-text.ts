/**
 * Renders a neutral message as plain text: the console's output and every platform's fallback text. Member-text marks
 * (member-text.ts) are kept: the caller escapes them for its platform, or drops them with `withoutMarks`.
 */
import type { BotMessage } from "./model.ts";
import { mapMoments } from "./moments.ts";

export function renderPlainText(original: BotMessage): string {
  const message = mapMoments(original, (_, reading) => reading);
  const lines: string[] = [];
  if (message.title) lines.push(`== ${message.title} ==`);
  if (message.text) lines.push(message.text);
  for (const field of message.fields ?? []) lines.push(`  ${field.label}: ${field.value}`);
  for (const item of message.items ?? []) lines.push(`  • ${item}`);
  if (message.buttons?.length) {
    lines.push(
      `  Reply with: ${message.buttons.map((button) => `\`${button.command}\` (${button.label})`).join(" · ")}`,
    );
  }
  if (message.file) lines.push(`[${message.file.name}]`, message.file.content);
  return lines.join("\n");
}
