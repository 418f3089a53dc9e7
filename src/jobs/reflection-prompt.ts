/** Reflection prompt: a few hours after a scheduled round, "how did it go?" with quick answers and the own-metric questions. */

import { commandArgument } from "../core/copy/phrases.ts";
import { reflectionPrompt } from "../core/copy/prompts.ts";
import { memberText } from "../core/member-text.ts";
import { REFLECTION_PROMPT } from "./eligibility.ts";
import { directMessage, type JobContext } from "./rules.ts";

export async function runReflectionPrompt({ now, store }: JobContext): Promise<number> {
  const rounds = await store.roundsToReflect(now);
  const messages = rounds.map((candidate) => {
    const { round, application } = candidate;
    const name = commandArgument(application.company);
    return directMessage(
      candidate,
      REFLECTION_PROMPT.kind,
      {
        title: `How did it go at ${memberText(application.company)}?`,
        text: `${reflectionPrompt({ company: application.company, stage: round.stage }, round.id)}\nAnswer with \`met ${memberText(name)} <who>\` and \`learned ${memberText(name)} <what>\`.`,
        buttons: [
          { actionId: "round.next", label: "Got a next step", command: `invited ${name}`, style: "primary" },
          { actionId: "round.waiting", label: "Waiting to hear", command: `waiting ${name}` },
          { actionId: "round.rejected", label: "It was a no", command: `rejected ${name}` },
        ],
      },
      now,
    );
  });
  return store.enqueueMany(messages);
}
