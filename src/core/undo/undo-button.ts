/** The Undo button a reply carries when its change queued a team post: it names the change, so a late click can't undo a newer one. */
import type { BotButton } from "../model.ts";

export function undoButton(changeId: string): BotButton {
  return { actionId: "change.undo", label: "Undo", command: `undo ${changeId}` };
}
