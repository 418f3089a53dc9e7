/** Buttons are bound to the member whose message carries them: anyone else's press is refused with one message. */
import type { BotMessage } from "./model.ts";

/** What a member hears after pressing a button on someone else's message. */
export const NOT_YOUR_BUTTON: BotMessage = {
  private: true,
  text: "That button belongs to someone else's message, so I left it alone.",
};

/**
 * The refusal when `presser` may not press a button bound to `owner`, or undefined when they may: buttons bound to
 * no one (e.g. App Home settings, which only their member sees) are anyone's.
 */
export function refuseOthersButton(owner: string | undefined, presser: string): BotMessage | undefined {
  return owner && owner !== presser ? NOT_YOUR_BUTTON : undefined;
}
