/** Worker thread for latency runs: hosts the fake Slack and sends signed slash commands, off the event loop being measured. */
import { parentPort, workerData } from "node:worker_threads";
import { createFakeSlack } from "../test/fakes/fake-slack.ts";
import { buildSlashCommand } from "../test/support/slack-payloads.ts";
import { SLACK_EVENTS_PATH, signSlackRequest } from "../test/support/slack-requests.ts";
import { type LoadAnswer, runLoad } from "./load.ts";
import type { AnswerCheck, LoadWorkerData, WorkerAnswer, WorkerCall } from "./slack-load.ts";
import { benchMembers, CommandMix, EXPECTED_REPLY, type MemberCommand, UNCHANGED_REPLY } from "./slack-mix.ts";

const APOLOGY = "something went wrong on my side";
/** Slack gives up on an acknowledgement after 3 seconds and shows the member an error. */
const SLACK_DEADLINE_MS = 3000;

const setup = workerData as LoadWorkerData;
const port = parentPort;
if (!port) throw new Error("load-worker.ts runs as a worker thread");

const fake = await createFakeSlack();
fake.addTeam({
  teamId: setup.teamId,
  botToken: setup.botToken,
  botUserId: "UBOTBENCH",
  botId: "BBENCH",
  name: "Bench",
});
const members = benchMembers(setup.members);
for (const member of members) fake.addUser(setup.teamId, { id: member.id, name: member.name, tz: member.tz });
const mixes = new Map<string, CommandMix>();
/** Member id → when their last change was answered (`Date.now()`, the fake's clock), until their Home is republished. */
const homesDue = new Map<string, number>();
let responses = 0;

function mixFor(stream: string): CommandMix {
  let mix = mixes.get(stream);
  if (!mix) {
    mix = new CommandMix(members, setup.seed);
    mixes.set(stream, mix);
  }
  return mix;
}

function formEncode(fields: object): string {
  const pairs: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) pairs[key] = String(value);
  return new URLSearchParams(pairs).toString();
}

/** `undefined` for an error, else whether the core refused (a fine answer, but worth knowing for the mix's realism). */
function judge(
  command: MemberCommand,
  answer: LoadAnswer,
  mode: AnswerCheck,
): { refused: boolean; unchanged?: boolean } | undefined {
  if (answer.status !== 200) return undefined;
  if (mode === "status") return { refused: false };
  let text: unknown;
  try {
    text = (JSON.parse(answer.body) as { text?: unknown }).text;
  } catch {
    return undefined;
  }
  if (typeof text !== "string" || text === "" || text.includes(APOLOGY)) return undefined;
  if (mode === "text") return { refused: false };
  const expected = EXPECTED_REPLY[command.command];
  return { refused: expected !== undefined && !expected.test(text), unchanged: UNCHANGED_REPLY.test(text) };
}

async function load(call: Extract<WorkerCall, { op: "load" }>): Promise<WorkerAnswer> {
  const mix = mixFor(call.stream);
  const warmUp = call.phase === "warmup" ? mix.warmUp() : undefined;
  const requests = warmUp ? warmUp.length : call.requests;
  const commands: MemberCommand[] = [];
  let refusals = 0;
  const result = await runLoad({
    url: call.targetUrl,
    concurrency: call.concurrency,
    requests,
    deadlineMs: SLACK_DEADLINE_MS,
    build(index) {
      const command = warmUp ? (warmUp[index] as MemberCommand) : mix.next();
      commands[index] = command;
      const body = formEncode(
        buildSlashCommand({
          teamId: setup.teamId,
          userId: command.userId,
          userName: command.userId,
          text: command.text,
          responseUrl: fake.responseUrl(`bench-${++responses}`),
        }),
      );
      return { path: SLACK_EVENTS_PATH, headers: { ...signSlackRequest(setup.signingSecret, body) }, body };
    },
    check(index, answer) {
      const command = commands[index] as MemberCommand;
      const verdict = judge(command, answer, call.check);
      if (verdict?.refused) refusals += 1;
      // App Home follows the commands that changed something: the writes that succeeded, not reads or refusals.
      const changed = verdict && !verdict.refused && !verdict.unchanged && EXPECTED_REPLY[command.command];
      if (changed) homesDue.set(command.userId, Date.now());
      return verdict !== undefined;
    },
  });
  return {
    op: "load",
    latenciesMs: result.latenciesMs,
    errors: result.errors,
    elapsedMs: result.elapsedMs,
    refusals,
    late: countLateReplies(),
  };
}

/** Members whose App Home was not published after their last answered change; the adapter may coalesce a burst into one publish. */
function homeBacklog(): Extract<WorkerAnswer, { op: "homeBacklog" }> {
  const publishes = fake.callsTo("views.publish");
  const lastPublished = new Map<string, number>();
  for (const call of publishes) lastPublished.set(String(call.params.user_id), call.receivedAt);
  let waiting = 0;
  for (const [userId, answeredAt] of homesDue) {
    if ((lastPublished.get(userId) ?? -1) >= answeredAt) homesDue.delete(userId);
    else waiting += 1;
  }
  return { op: "homeBacklog", waiting, publishes: publishes.length };
}

/** Replies that missed the acknowledgement and went through response_url instead. */
function countLateReplies(): number {
  let late = 0;
  for (let id = 1; id <= responses; id += 1) late += fake.responses(`bench-${id}`).length;
  return late;
}

port.on("message", (message: { id: number; call: WorkerCall }) => {
  const { id, call } = message;
  const answer = (async (): Promise<WorkerAnswer> => {
    switch (call.op) {
      case "load":
        return load(call);
      case "homeBacklog":
        return homeBacklog();
      case "reset":
        // The fake records every call; forgetting them keeps a long run's memory flat.
        fake.reset();
        homesDue.clear();
        return { op: "reset" };
      case "close":
        await fake.close();
        return { op: "close" };
    }
  })();
  answer.then(
    (result) => {
      const transfer = result.op === "load" ? [result.latenciesMs.buffer as ArrayBuffer] : [];
      port.postMessage({ id, result }, transfer);
    },
    (error: unknown) => port.postMessage({ id, error: String((error as Error)?.stack ?? error) }),
  );
});

port.postMessage({ ready: fake.url });
