/** The bodies Slack sends to an app (slash commands, block actions, view submissions, event envelopes), shaped as Bolt reads them. */
import { randomUUID } from "node:crypto";
import type {
  BlockAction,
  ButtonAction,
  EnvelopedEvent,
  SlashCommand,
  types,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
} from "@slack/bolt";

const DEFAULT_APP_ID = "A0FAKEAPP";
const DEFAULT_BOT_USER_ID = "U0FAKEBOT";
/** The deprecated verification token Slack still sends; Bolt ignores it in favour of the signature. */
const VERIFICATION_TOKEN = "fake-verification-token";

export interface SlashCommandSpec {
  teamId: string;
  userId: string;
  /** Where the app may answer later; use the fake Slack's `responseUrl(id)`. */
  responseUrl: string;
  /** `/nextstep` unless given. */
  command?: string;
  /** Everything after the command; empty for a bare `/nextstep`. */
  text?: string;
  userName?: string;
  /** Needed for `views.open`; a fresh one unless given. */
  triggerId?: string;
  /** The member's DM with the app (`D<userId>`, name `directmessage`) unless given. */
  channelId?: string;
  channelName?: string;
  teamDomain?: string;
  apiAppId?: string;
}

/** Where the clicked element lives: a message (with its response_url) or a view such as App Home or a modal. */
export type ActionContainer =
  | { type: "message"; channelId: string; messageTs: string; isEphemeral?: boolean }
  | { type: "view"; viewId: string; viewType?: "home" | "modal"; callbackId?: string; privateMetadata?: string };

export interface BlockActionSpec {
  teamId: string;
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  /** `button` unless given; pass `actionFields` for the element's own fields (e.g. `selected_option`). */
  actionType?: string;
  actionFields?: Record<string, unknown>;
  triggerId?: string;
  /** Slack sends one for message containers, none for App Home. */
  responseUrl?: string;
  /** A message in the member's DM unless given. */
  container?: ActionContainer;
  userName?: string;
  apiAppId?: string;
}

export interface ViewSubmissionSpec {
  teamId: string;
  userId: string;
  callbackId: string;
  privateMetadata?: string;
  /** `view.state.values`: block id → action id → value; build the values with `stateValue`. */
  values: Record<string, Record<string, ViewStateValue>>;
  viewId?: string;
  triggerId?: string;
  userName?: string;
  apiAppId?: string;
}

export interface EnvelopeOptions {
  apiAppId?: string;
  /** The installing bot, reported in `authorizations`. */
  botUserId?: string;
  eventId?: string;
  eventTime?: number;
}

/** The values a member leaves in modal inputs, in the shapes `view.state.values` carries them. */
export const stateValue = {
  text: (value: string | null): ViewStateValue => ({ type: "plain_text_input", value }),
  select: (value: string, label = value): ViewStateValue => ({
    type: "static_select",
    selected_option: option(value, label),
  }),
  externalSelect: (value: string, label = value): ViewStateValue => ({
    type: "external_select",
    selected_option: option(value, label),
  }),
  radio: (value: string, label = value): ViewStateValue => ({
    type: "radio_buttons",
    selected_option: option(value, label),
  }),
  checkboxes: (values: string[]): ViewStateValue => ({
    type: "checkboxes",
    selected_options: values.map((value) => option(value, value)),
  }),
  /** `YYYY-MM-DD`, or null when left empty. */
  date: (isoDate: string | null): ViewStateValue => ({ type: "datepicker", selected_date: isoDate }),
  /** `HH:mm`, or null when left empty. */
  time: (hoursMinutes: string | null): ViewStateValue => ({ type: "timepicker", selected_time: hoursMinutes }),
  channel: (channelId: string | null): ViewStateValue => ({ type: "channels_select", selected_channel: channelId }),
};

export function buildSlashCommand(spec: SlashCommandSpec): SlashCommand {
  return {
    token: VERIFICATION_TOKEN,
    team_id: spec.teamId,
    team_domain: spec.teamDomain ?? spec.teamId.toLowerCase(),
    channel_id: spec.channelId ?? `D${spec.userId}`,
    channel_name: spec.channelName ?? (spec.channelId === undefined ? "directmessage" : spec.channelId),
    user_id: spec.userId,
    user_name: spec.userName ?? spec.userId.toLowerCase(),
    command: spec.command ?? "/nextstep",
    text: spec.text ?? "",
    api_app_id: spec.apiAppId ?? DEFAULT_APP_ID,
    is_enterprise_install: "false",
    response_url: spec.responseUrl,
    trigger_id: spec.triggerId ?? newTriggerId(),
  };
}

export function buildBlockAction(spec: BlockActionSpec): BlockAction {
  const container = spec.container ?? { type: "message", channelId: `D${spec.userId}`, messageTs: newTs() };
  const action = {
    type: spec.actionType ?? "button",
    action_id: spec.actionId,
    block_id: spec.blockId ?? "actions",
    action_ts: newTs(),
    ...(spec.value === undefined ? {} : { value: spec.value }),
    ...((spec.actionType ?? "button") === "button" ? { text: { type: "plain_text", text: spec.value ?? "" } } : {}),
    ...spec.actionFields,
  } as ButtonAction;
  const where =
    container.type === "message"
      ? {
          container: {
            type: "message",
            message_ts: container.messageTs,
            channel_id: container.channelId,
            is_ephemeral: container.isEphemeral ?? false,
          },
          channel: { id: container.channelId, name: container.channelId.startsWith("D") ? "directmessage" : "channel" },
          ...(container.isEphemeral === true
            ? {}
            : { message: { type: "message", ts: container.messageTs, text: "" } }),
        }
      : {
          container: { type: "view", view_id: container.viewId },
          view: buildViewOutput(spec.teamId, {
            id: container.viewId,
            type: container.viewType ?? "home",
            callbackId: container.callbackId ?? "",
            privateMetadata: container.privateMetadata ?? "",
            values: {},
          }),
        };
  // Bolt's type declares response_url always present, but Slack omits it for App Home actions.
  return {
    type: "block_actions",
    token: VERIFICATION_TOKEN,
    api_app_id: spec.apiAppId ?? DEFAULT_APP_ID,
    team: { id: spec.teamId, domain: spec.teamId.toLowerCase() },
    user: { id: spec.userId, username: spec.userName ?? spec.userId.toLowerCase(), team_id: spec.teamId },
    trigger_id: spec.triggerId ?? newTriggerId(),
    is_enterprise_install: false,
    actions: [action],
    ...where,
    ...(spec.responseUrl === undefined ? {} : { response_url: spec.responseUrl }),
  } as BlockAction;
}

export function buildViewSubmission(spec: ViewSubmissionSpec): ViewSubmitAction {
  return {
    type: "view_submission",
    token: VERIFICATION_TOKEN,
    api_app_id: spec.apiAppId ?? DEFAULT_APP_ID,
    team: { id: spec.teamId, domain: spec.teamId.toLowerCase() },
    user: { id: spec.userId, name: spec.userName ?? spec.userId.toLowerCase(), team_id: spec.teamId },
    trigger_id: spec.triggerId ?? newTriggerId(),
    is_enterprise_install: false,
    response_urls: [],
    view: buildViewOutput(spec.teamId, {
      id: spec.viewId ?? `V${randomUUID().slice(0, 8).toUpperCase()}`,
      type: "modal",
      callbackId: spec.callbackId,
      privateMetadata: spec.privateMetadata ?? "",
      values: spec.values,
    }),
  };
}

/** Wraps an event as Slack delivers it, with `authorizations` naming the workspace (Bolt reads the team from there). */
export function buildEventEnvelope<Event>(
  teamId: string,
  event: Event,
  options: EnvelopeOptions = {},
): EnvelopedEvent<Event> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: options.apiAppId ?? DEFAULT_APP_ID,
    event,
    type: "event_callback",
    event_id: options.eventId ?? `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.botUserId ?? DEFAULT_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function buildAppHomeOpened(
  spec: { teamId: string; userId: string; tab?: "home" | "messages" },
  options: EnvelopeOptions = {},
): EnvelopedEvent<types.AppHomeOpenedEvent> {
  const event: types.AppHomeOpenedEvent = {
    type: "app_home_opened",
    user: spec.userId,
    channel: `D${spec.userId}`,
    tab: spec.tab ?? "home",
    event_ts: newTs(),
  };
  return buildEventEnvelope(spec.teamId, event, options);
}

export function buildAppUninstalled(
  teamId: string,
  options: EnvelopeOptions = {},
): EnvelopedEvent<types.AppUninstalledEvent> {
  return buildEventEnvelope(teamId, { type: "app_uninstalled" }, options);
}

/** Slack lists the user ids whose tokens died, bots under `tokens.bot`. */
export function buildTokensRevoked(
  teamId: string,
  botUserIds: string[],
  options: EnvelopeOptions = {},
): EnvelopedEvent<types.TokensRevokedEvent> {
  return buildEventEnvelope(teamId, { type: "tokens_revoked", tokens: { bot: botUserIds } }, options);
}

/** The challenge Slack sends when the events URL is set; Bolt answers `{ challenge }` once the signature checks out. */
export function buildUrlVerification(challenge: string): {
  token: string;
  challenge: string;
  type: "url_verification";
} {
  return { token: VERIFICATION_TOKEN, challenge, type: "url_verification" };
}

function buildViewOutput(
  teamId: string,
  view: {
    id: string;
    type: string;
    callbackId: string;
    privateMetadata: string;
    values: Record<string, Record<string, ViewStateValue>>;
  },
): ViewOutput {
  return {
    id: view.id,
    team_id: teamId,
    app_installed_team_id: teamId,
    app_id: DEFAULT_APP_ID,
    bot_id: "B0FAKEBOT",
    type: view.type,
    callback_id: view.callbackId,
    private_metadata: view.privateMetadata,
    title: { type: "plain_text", text: "Next Step" },
    blocks: [],
    close: null,
    submit: null,
    state: { values: view.values },
    hash: `${Date.now()}.fake`,
    root_view_id: view.id,
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
  };
}

function option(value: string, label: string): { text: { type: "plain_text"; text: string }; value: string } {
  return { text: { type: "plain_text", text: label }, value };
}

let tsSequence = 0;

/** Unique within the run, shaped like Slack's `seconds.micro` timestamps. */
function newTs(): string {
  tsSequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(tsSequence).padStart(6, "0")}`;
}

function newTriggerId(): string {
  return `${Date.now()}.${randomUUID().slice(0, 8)}`;
}
