/** Interview stages: the words members type for them and how they are shown. */
import { memberText } from "../member-text.ts";
import { STAGES, type Stage } from "../model.ts";

const LABELS: Record<Stage, string> = {
  APPLIED: "application review",
  SCREEN: "screening call",
  TAKEHOME: "take-home",
  TECHNICAL: "technical interview",
  SYSTEM_DESIGN: "system design interview",
  BEHAVIORAL: "behavioral interview",
  ONSITE: "onsite",
  MANAGER: "hiring manager chat",
  FINAL: "final round",
};

// Other words people use for the same stage.
const ALIASES: Record<string, Stage> = {
  phone: "SCREEN",
  "phone-screen": "SCREEN",
  recruiter: "SCREEN",
  "take-home": "TAKEHOME",
  assignment: "TAKEHOME",
  tech: "TECHNICAL",
  coding: "TECHNICAL",
  design: "SYSTEM_DESIGN",
  sysdesign: "SYSTEM_DESIGN",
  behavioural: "BEHAVIORAL",
  culture: "BEHAVIORAL",
  "on-site": "ONSITE",
  loop: "ONSITE",
  hm: "MANAGER",
  "hiring-manager": "MANAGER",
};

/** The stage a member's word names. */
export function parseStage(raw: string): { ok: true; value: Stage } | { ok: false; problem: string } {
  const word = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const direct = STAGES.find((stage) => stage.toLowerCase().replace(/_/g, "-") === word);
  const stage = direct ?? ALIASES[word];
  if (stage) return { ok: true, value: stage };
  return { ok: false, problem: `"${memberText(raw)}" isn't a stage I know. Stages: ${stageWords().join(", ")}.` };
}

/** The canonical words for stages, as typed in commands. */
export function stageWords(): string[] {
  return STAGES.map(stageWord);
}

/** The word a command line uses for `stage`, e.g. `system-design`. */
export function stageWord(stage: Stage): string {
  return stage.toLowerCase().replace(/_/g, "-");
}

/** A stage as shown in messages; null is an invitation that named no stage yet. */
export function stageLabel(stage: Stage | null): string {
  return stage ? LABELS[stage] : "next round";
}

export function stageChoices(): { label: string; value: string }[] {
  return STAGES.map((stage, index) => ({ label: LABELS[stage], value: stageWords()[index] ?? stage }));
}
