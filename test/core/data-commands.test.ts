/** The member's data and the bot's self-description: export, forget, help, and the command table behind them. */

import { beforeEach, describe, expect, it } from "vitest";
import { usageOf } from "../../src/core/commands/spec.ts";
import { buildCommandTable, COMMAND_TABLE } from "../../src/core/commands/table.ts";
import { withoutMarks } from "../../src/core/member-text.ts";
import { ADA, BEN, createHarness, type Harness, T0 } from "../support/core-harness.ts";

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

describe("export", () => {
  it("GIVEN a member with a pipeline WHEN they export THEN one JSON file holds every row about them", async () => {
    await h.setCelebrationChannel("C-WINS");
    await h.setSharing("ON");
    await h.sayAll([
      'apply "Acme Corp" Backend',
      "round acme screen",
      "invited acme onsite",
      "met acme Dana",
      "gap graphs acme corp",
      "apply Globex",
      "rejected globex",
      "asked globex",
      "note acme recruiter is Sam",
    ]);
    const reply = await h.say("export");
    expect(reply.private).toBe(true);
    expect(reply.text).toContain("2 applications, 2 rounds, 1 notes, 1 reflections, 1 gaps, 3 messages");
    expect(reply.file?.name).toBe("next-step-export.json");
    const document = JSON.parse(reply.file?.content ?? "null");
    const rows = await h.rows();
    expect(document.exportedAt).toBe(T0.toISOString());
    expect(document.member.id).toBe(rows.member.id);
    expect(document.applications.map((application: { company: string }) => application.company)).toEqual([
      "Acme Corp",
      "Globex",
    ]);
    expect(document.applications[0].rounds.map((round: { stage: string }) => round.stage)).toEqual([
      "SCREEN",
      "ONSITE",
    ]);
    expect(document.applications[1].feedback.state).toBe("ASKED");
    expect(document.reflections[0].personMet).toBe("Dana");
    expect(document.gaps[0].topic).toBe("graphs");
    expect(document.applications[0].notes).toMatchObject([{ text: "recruiter is Sam", createdAt: T0.toISOString() }]);
    expect(document.messages.map((message: { kind: string }) => message.kind).sort()).toEqual([
      "celebration",
      "congratulation",
      "encouragement",
    ]);
    // Each message as the member reads it: no buttons' command lines, no delivery bookkeeping.
    const encouragement = document.messages.find((message: { kind: string }) => message.kind === "encouragement");
    expect(encouragement).toEqual({
      kind: "encouragement",
      to: "you",
      at: "2026-03-02T15:10:00.000Z",
      sent: false,
      // As read: the member-text marks of the stored payload are for the renderers, not for the document.
      text: withoutMarks(rows.outbox.find((row) => row.kind === "encouragement")?.payload.text ?? ""),
    });
  });

  it("GIVEN a new member WHEN they export THEN the document is empty but complete", async () => {
    const reply = await h.say("export");
    const document = JSON.parse(reply.file?.content ?? "null");
    expect(document).toMatchObject({ applications: [], reflections: [], gaps: [], messages: [] });
    expect(reply.text).toContain("0 notes");
    expect(document.member.externalId).toBe(ADA.externalId);
  });
});

describe("forget", () => {
  beforeEach(async () => {
    await h.setCelebrationChannel("C-WINS");
    await h.sayAll(["apply Acme", "round Acme screen", "invited Acme", "met Acme Dana", "gap sql", "apply Globex"]);
    await h.sayAll(["rejected Globex", "asked Globex", "feedback Globex thanks"]);
    await h.sayAll(["apply Acme", "invited Acme"], BEN);
  });

  it("GIVEN a member with data WHEN they say forget THEN they are asked to confirm and nothing is deleted", async () => {
    const before = await h.snapshot([ADA, BEN]);
    const reply = await h.say("forget");
    expect(reply.text).toContain("forget confirm");
    expect(reply.buttons).toEqual([expect.objectContaining({ command: "forget confirm", style: "danger" })]);
    expect(await h.snapshot([ADA, BEN])).toEqual(before);
  });

  it("GIVEN a member with data WHEN they confirm THEN every row about them is gone, queued messages included, and others keep theirs", async () => {
    const ben = await h.rows(BEN);
    const reply = await h.say("forget CONFIRM");
    expect(reply.text).toContain("everything I kept about you is deleted");
    const after = await h.snapshot([ADA, BEN]);
    expect(after?.members[ADA.externalId]).toBeNull();
    expect(after?.members[BEN.externalId]).toEqual(ben);
    const left = await h.drainOutbox();
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((message) => message.memberId === ben.member.id)).toBe(true);
  });

  it("GIVEN a forgotten member WHEN they come back THEN they start fresh", async () => {
    await h.say("forget confirm");
    const reply = await h.say("pipeline");
    expect(reply.text).toContain("Your pipeline is empty");
    const rows = await h.rows();
    expect(rows.gaps).toEqual([]);
    expect(rows.outbox).toEqual([]);
  });
});

describe("help", () => {
  it("GIVEN the command table WHEN the member asks for help THEN every command appears with its usage and summary", async () => {
    const reply = await h.say("help");
    expect(reply.title).toBe("Next Step commands");
    const lines = reply.items ?? [];
    for (const command of COMMAND_TABLE) {
      expect(lines).toContain(`\`${usageOf(command)}\` ${command.summary}`);
    }
  });

  it("GIVEN an empty line or a bare /nextstep WHEN sent THEN the member gets the overview", async () => {
    expect((await h.say("")).title).toBe("Next Step commands");
    expect((await h.say("/nextstep")).title).toBe("Next Step commands");
    expect((await h.say("?")).title).toBe("Next Step commands");
  });

  it.each(
    COMMAND_TABLE.map((command) => [command.name]),
  )("GIVEN the command %s WHEN the member asks help for it THEN its usage, arguments and examples are shown", async (name) => {
    const command = COMMAND_TABLE.find((candidate) => candidate.name === name);
    if (!command) throw new Error(name);
    const reply = await h.say(`help ${name}`);
    expect(reply.title).toBe(`help ${name}`);
    expect(reply.text).toContain(`Usage: \`${usageOf(command)}\``);
    expect(reply.fields?.map((field) => field.label)).toEqual(command.args.map((arg) => arg.name));
    expect(reply.items).toEqual(command.examples.map((example) => `\`${example}\``));
    if (command.aliases?.length) {
      expect(reply.text).toContain(`Also: ${command.aliases.join(", ")}`);
      const byAlias = await h.say(`commands ${command.aliases[0]}`);
      expect(byAlias.title).toBe(`help ${name}`);
    }
  });

  it("GIVEN a misspelt command WHEN the member asks help for it THEN the nearest one is suggested", async () => {
    const reply = await h.say("help invted");
    expect(reply.text).toBe('There\'s no command "invted". Did you mean `invited`?');
  });

  it("GIVEN each example in the help WHEN it is run by a member tracking Acme and Globex THEN none of them is refused as malformed", async () => {
    await h.sayAll(["apply Acme", "apply Globex", "gap graphs", "gap sql"]);
    for (const command of COMMAND_TABLE) {
      for (const example of command.examples) {
        const user = command.adminOnly ? { ...ADA, isAdmin: true } : ADA;
        const { code } = await h.run(example, user);
        expect(code, example).not.toBe("bad-arguments");
        expect(code, example).not.toBe("internal-error");
      }
    }
  });
});

describe("the command table", () => {
  it("GIVEN the grammar in the issue WHEN the table is read THEN every command it names is there", () => {
    const names = COMMAND_TABLE.map((command) => command.name);
    for (const name of [
      ...["apply", "round", "invited", "rejected", "offer", "accepted", "withdraw", "ghosted", "asked", "feedback"],
      ...["met", "learned", "impression", "gap", "gaps", "practiced", "pipeline", "timeline", "stats", "tz"],
      ...["quiet", "share", "pause", "resume", "settings", "export", "forget", "help", "admin"],
    ]) {
      expect(names).toContain(name);
    }
    const pipeline = COMMAND_TABLE.find((command) => command.name === "pipeline");
    expect(pipeline?.aliases).toEqual(expect.arrayContaining(["status", "list"]));
  });

  it("GIVEN two commands claiming one word WHEN the table is built THEN it is refused", () => {
    const [first, second] = COMMAND_TABLE;
    if (!first || !second) throw new Error("empty table");
    expect(() => buildCommandTable([first, { ...second, aliases: [first.name] }])).toThrow(/claimed by both/);
  });

  it("GIVEN a rest argument that is not last WHEN the table is built THEN it is refused", () => {
    const [first] = COMMAND_TABLE;
    if (!first) throw new Error("empty table");
    const broken = {
      ...first,
      name: "broken",
      aliases: [],
      args: [
        { name: "a", kind: "text" as const, required: true, rest: true, description: "" },
        { name: "b", kind: "word" as const, required: false, description: "" },
      ],
    };
    expect(() => buildCommandTable([broken])).toThrow(/only the last argument/);
  });
});
