/** Interaction callbacks and their webhooks as Discord enforces them: one acknowledgement within the deadline, then edits and follow-ups. */
import type { APIMessage, APIUser } from "discord.js";
import type { FakeDiscordDirectory, Json } from "./fake-discord-directory.ts";
import { choiceProblems, invalidFormBody, isEmptyMessage, messageProblems } from "./fake-discord-limits.ts";
import { discordError, type RestAnswer } from "./fake-discord-rest.ts";
import { applyEdit, messageFrom } from "./fake-discord-shapes.ts";

/** How the app answered: the callback, then edits of a message, follow-ups, deletions. */
export type InteractionResponseKind = "callback" | "edit" | "followUp" | "delete";

/** One answer to an interaction that Discord accepted. */
export interface FakeInteractionResponse {
  kind: InteractionResponseKind;
  /** Callback type: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete choices, 9 modal. */
  type: number | undefined;
  /** The callback's `data`, or the edit or follow-up body. */
  data: Json | undefined;
  /** The message created, edited or deleted, if any. */
  messageId: string | undefined;
  /** Whether the resulting message is visible to the clicking member only (flags 64). */
  ephemeral: boolean;
  receivedAt: number;
}

interface InteractionRecord {
  id: string;
  token: string;
  applicationId: string;
  type: number;
  channelId: string;
  user: APIUser;
  metadata: Json;
  dispatchedAt: number;
  acknowledgedWith: number | undefined;
  original: APIMessage | undefined;
  componentMessage: APIMessage | undefined;
  messages: Map<string, APIMessage>;
  followUps: number;
  responses: FakeInteractionResponse[];
}

const EPHEMERAL = 64;
const LOADING = 128;
/** Which callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit). */
const ALLOWED_CALLBACKS: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
const UNKNOWN_INTERACTION = discordError(404, 10062, "Unknown interaction");
const UNKNOWN_WEBHOOK = discordError(404, 10015, "Unknown Webhook");

export class FakeDiscordInteractions {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly directory: FakeDiscordDirectory,
    /** Discord's 3-second rule: later callbacks answer 10062 Unknown interaction. */
    private readonly deadlineMs: number,
    /** Milliseconds now, for the deadline and the responses' arrival times. */
    private readonly now: () => number,
  ) {}

  /** Remembers a dispatched interaction so its token is valid; learns its user and DM channel. */
  register(payload: Json): void {
    const member = payload.member as { user: APIUser } | undefined;
    const user = (payload.user ?? member?.user) as APIUser;
    const channelId = String((payload.channel as Json | undefined)?.id ?? payload.channel_id);
    this.directory.rememberUser(user);
    if (payload.guild_id === undefined) this.directory.adoptDmChannel(user.id, channelId);
    const componentMessage = payload.message as APIMessage | undefined;
    const stored = componentMessage && this.directory.postedMessage(channelId, componentMessage.id);
    const record: InteractionRecord = {
      id: String(payload.id),
      token: String(payload.token),
      applicationId: String(payload.application_id),
      type: Number(payload.type),
      channelId,
      user,
      metadata: {
        id: payload.id,
        type: payload.type,
        user,
        authorizing_integration_owners: payload.authorizing_integration_owners,
      },
      dispatchedAt: this.now(),
      acknowledgedWith: undefined,
      original: undefined,
      componentMessage: stored ?? componentMessage,
      messages: new Map(),
      followUps: 0,
      responses: [],
    };
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
  }

  responses(interactionId: string): FakeInteractionResponse[] {
    return this.byId.get(interactionId)?.responses ?? [];
  }

  callback(id: string, token: string, body: Json, withResponse: boolean): RestAnswer {
    const record = this.byId.get(id);
    if (record === undefined || record.token !== token) return UNKNOWN_INTERACTION;
    if (this.now() - record.dispatchedAt > this.deadlineMs) return UNKNOWN_INTERACTION;
    if (record.acknowledgedWith !== undefined) {
      return discordError(400, 40060, "Interaction has already been acknowledged.");
    }
    const type = Number(body?.type);
    const data = body?.data as Json | undefined;
    if (!(ALLOWED_CALLBACKS[record.type] ?? []).includes(type)) {
      const error = { code: "INTERACTION_RESPONSE_TYPE_INVALID", message: "Interaction response type is invalid" };
      return { status: 400, body: invalidFormBody({ type: { _errors: [error] } }) };
    }
    const problem = this.callbackProblem(type, data ?? {});
    if (problem) return problem;

    record.acknowledgedWith = type;
    const message = this.applyCallback(record, type, data ?? {});
    const ephemeral = message ? ((message.flags ?? 0) & EPHEMERAL) !== 0 : false;
    record.responses.push({ kind: "callback", type, data, messageId: message?.id, ephemeral, receivedAt: this.now() });
    if (!withResponse) return { status: 204 };
    const interaction = {
      id: record.id,
      type: record.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: type === 5,
            response_message_ephemeral: ephemeral,
          }
        : {}),
    };
    return { status: 200, body: { interaction, resource: { type, ...(message ? { message } : {}) } } };
  }

  /** POST /webhooks/{app}/{token}: after a deferred reply the first follow-up fills the "thinking" message, as on Discord. */
  followUp(applicationId: string, token: string, body: Json, wait: boolean): RestAnswer {
    const record = this.acknowledged(applicationId, token);
    if (record === undefined) return UNKNOWN_WEBHOOK;
    const fields = body ?? {};
    if (isEmptyMessage(fields)) return discordError(400, 50006, "Cannot send an empty message");
    const errors = messageProblems(fields);
    if (errors) return { status: 400, body: invalidFormBody(errors) };
    record.followUps += 1;
    const fillsDeferral = record.followUps === 1 && record.original && ((record.original.flags ?? 0) & LOADING) !== 0;
    let message: APIMessage;
    if (fillsDeferral && record.original) {
      message = applyEdit(record.original, { ...fields, flags: 0 });
      message.flags = (message.flags ?? 0) & ~LOADING;
    } else {
      message = this.createMessage(record, fields, Number(fields.flags ?? 0) & EPHEMERAL);
    }
    const ephemeral = ((message.flags ?? 0) & EPHEMERAL) !== 0;
    record.responses.push({
      kind: "followUp",
      type: undefined,
      data: fields,
      messageId: message.id,
      ephemeral,
      receivedAt: this.now(),
    });
    return wait ? { status: 200, body: message } : { status: 204 };
  }

  /** GET, PATCH or DELETE /webhooks/{app}/{token}/messages/{id | @original}. */
  webhookMessage(
    method: "GET" | "PATCH" | "DELETE",
    applicationId: string,
    token: string,
    messageId: string,
    body: Json,
  ): RestAnswer {
    const record = this.acknowledged(applicationId, token);
    if (record === undefined) return UNKNOWN_WEBHOOK;
    const message = messageId === "@original" ? record.original : record.messages.get(messageId);
    if (message === undefined) return discordError(404, 10008, "Unknown Message");
    if (method === "GET") return { status: 200, body: message };
    const ephemeral = ((message.flags ?? 0) & EPHEMERAL) !== 0;
    const response = { type: undefined, messageId: message.id, ephemeral, receivedAt: this.now() };
    if (method === "DELETE") {
      this.directory.unpost(message.channel_id, message.id);
      record.responses.push({ kind: "delete", data: undefined, ...response });
      return { status: 204 };
    }
    const errors = messageProblems(body ?? {});
    if (errors) return { status: 400, body: invalidFormBody(errors) };
    applyEdit(message, body ?? {});
    message.flags = (message.flags ?? 0) & ~LOADING;
    record.responses.push({ kind: "edit", data: body, ...response });
    return { status: 200, body: message };
  }

  private callbackProblem(type: number, data: Json): RestAnswer | undefined {
    if (type === 4 && isEmptyMessage(data)) return discordError(400, 50006, "Cannot send an empty message");
    const errors = type === 4 || type === 7 ? messageProblems(data) : type === 8 ? choiceProblems(data) : undefined;
    return errors ? { status: 400, body: invalidFormBody(prefixed("data", errors)) } : undefined;
  }

  private applyCallback(record: InteractionRecord, type: number, data: Json): APIMessage | undefined {
    const ephemeralFlag = Number(data.flags ?? 0) & EPHEMERAL;
    if (type === 4) record.original = this.createMessage(record, data, ephemeralFlag);
    if (type === 5) record.original = this.createMessage(record, { content: "" }, ephemeralFlag | LOADING);
    if (type === 6 || type === 7) record.original = record.componentMessage;
    if (type === 7 && record.componentMessage) applyEdit(record.componentMessage, data);
    return type === 8 || type === 9 ? undefined : record.original;
  }

  private createMessage(record: InteractionRecord, body: Json, flags: number): APIMessage {
    const message = messageFrom(record.channelId, body, this.directory.botUser, {
      type: record.type === 2 ? 20 : 0,
      flags,
      webhook_id: record.applicationId,
      application_id: record.applicationId,
      interaction_metadata: record.metadata as unknown as APIMessage["interaction_metadata"],
    });
    record.messages.set(message.id, message);
    this.directory.post(record.channelId, message, "interaction");
    return message;
  }

  private acknowledged(applicationId: string, token: string): InteractionRecord | undefined {
    const record = this.byToken.get(token);
    if (record === undefined || record.applicationId !== applicationId || record.acknowledgedWith === undefined)
      return undefined;
    return record;
  }
}

/** Callback form errors sit under `data` (`data.content`, `data.embeds.0.title`); choice errors already do. */
function prefixed(key: string, errors: Json): Json {
  return key in errors ? errors : { [key]: errors };
}
