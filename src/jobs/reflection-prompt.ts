/** Reflection prompt: a few hours after a scheduled round, "how did it go?" with quick answers and the own-metric questions. */
import { commandArgument } from "../core/copy/phrases.ts";
import { reflectionPrompt } from "../core/copy/prompts.ts";
import { reflectionKey } from "./keys.ts";
import { directMessage, HOUR_MS, type JobContext, mayReceive } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

/** How long after the round's start the prompt goes out. */
export const REFLECT_AFTER_MS = 3 * HOUR_MS;
/** Rounds older than this are left alone (the bot was down, or the member moved on). */
const GIVE_UP_AFTER_MS = 48 * HOUR_MS;

export async function runReflectionPrompt({ now, store }: JobContext): Promise<number> {
  const rounds = await store.roundsToReflect(
    now,
    new Date(now.getTime() - GIVE_UP_AFTER_MS),
    new Date(now.getTime() - REFLECT_AFTER_MS + 1),
  );
  const messages: NewJobMessage[] = [];
  for (const candidate of rounds) {
    const { round, application, member } = candidate;
    if (round.heldAt || !mayReceive(member, "reflection", now)) continue;
    const name = commandArgument(application.company);
    messages.push(
      directMessage(
        candidate,
        "reflection",
        {
          title: `How did it go at ${application.company}?`,
          text: `${reflectionPrompt({ company: application.company, stage: round.stage }, round.id)}\nAnswer with \`met ${name} <who>\` and \`learned ${name} <what>\`.`,
          buttons: [
            { actionId: "round.next", label: "Got a next step", command: `invited ${name}`, style: "primary" },
            { actionId: "round.waiting", label: "Waiting to hear", command: `waiting ${name}` },
            { actionId: "round.rejected", label: "It was a no", command: `rejected ${name}` },
          ],
        },
        reflectionKey(round.id),
        now,
      ),
    );
  }
  return store.enqueueMany(messages);
}
