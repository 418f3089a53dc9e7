/** The "log something" modal opened by a bare slash command: a form that becomes one command line for the core. */
import type { types } from "@slack/bolt";
import { stageChoices } from "../../core/commands/stages.ts";
import { commandArgument } from "../../core/copy/phrases.ts";

export const LOG_MODAL_ID = "nextstep-log";

const WHAT = [
  ["apply", "I applied"],
  ["round", "A round is scheduled or just happened"],
  ["invited", "I was invited to a next step"],
  ["rejected", "I got a rejection"],
  ["offer", "I got an offer"],
] as const;

const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text });
const options = (pairs: readonly (readonly [string, string])[]): types.PlainTextOption[] =>
  pairs.map(([value, label]) => ({ text: plain(label.slice(0, 75)), value: value.slice(0, 150) }));

/** The modal, offering the member's own companies to pick from when they have any. */
export function logModal(companies: readonly string[]): types.ModalView {
  const blocks: types.InputBlock[] = [
    {
      type: "input",
      block_id: "what",
      label: plain("What happened?"),
      element: { type: "static_select", action_id: "value", options: options(WHAT) },
    },
  ];
  if (companies.length > 0) {
    blocks.push({
      type: "input",
      block_id: "company_pick",
      optional: true,
      label: plain("One of your companies"),
      element: {
        type: "static_select",
        action_id: "value",
        options: options(companies.slice(0, 100).map((company) => [company, company] as const)),
      },
    });
  }
  blocks.push(
    {
      type: "input",
      block_id: "company_new",
      optional: true,
      label: plain(companies.length > 0 ? "…or a new company" : "Company"),
      element: { type: "plain_text_input", action_id: "value", max_length: 100 },
    },
    {
      type: "input",
      block_id: "stage",
      optional: true,
      label: plain("Stage"),
      element: {
        type: "static_select",
        action_id: "value",
        options: stageChoices().map((choice) => ({ text: plain(choice.label), value: choice.value })),
      },
    },
    {
      type: "input",
      block_id: "date",
      optional: true,
      label: plain("Date"),
      element: { type: "datepicker", action_id: "value" },
    },
    {
      type: "input",
      block_id: "time",
      optional: true,
      label: plain("Time"),
      element: { type: "timepicker", action_id: "value" },
    },
  );
  return {
    type: "modal",
    callback_id: LOG_MODAL_ID,
    title: plain("Log a step"),
    submit: plain("Log it"),
    close: plain("Cancel"),
    blocks,
  };
}

/** The submitted values, as Slack sends them in `view.state.values`. */
export type ModalValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_date?: string | null;
      selected_time?: string | null;
    }
  >
>;

export type ModalCommand = { ok: true; line: string } | { ok: false; errors: Record<string, string> };

/** Turns the form into a command line, or per-field errors Slack shows beside the inputs. */
export function commandFromModal(values: ModalValues): ModalCommand {
  const read = (block: string) => {
    const field = values[block]?.value;
    return (field?.selected_option?.value ?? field?.value ?? field?.selected_date ?? field?.selected_time ?? "").trim();
  };
  const what = read("what");
  const company = read("company_pick") || read("company_new");
  const stage = read("stage");
  const date = read("date");
  const time = read("time");
  const errors: Record<string, string> = {};
  if (!WHAT.some(([value]) => value === what)) errors.what = "Choose what happened.";
  if (!company) errors.company_new = "Pick one of your companies or type a new one.";
  if (what === "round" && !stage) errors.stage = "Which stage is the round?";
  if (time && !date) errors.date = "Add the date for that time.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parts = [what, commandArgument(company)];
  if (stage && (what === "round" || what === "invited" || what === "rejected")) parts.push(stage);
  if (date && (what === "round" || what === "invited")) parts.push(time ? `${date} ${time}` : date);
  return { ok: true, line: parts.join(" ") };
}
