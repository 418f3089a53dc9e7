/** Bad input gets a kind reply that shows the usage, and changes nothing: not the member's rows, not even their existence. */
import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/core/logger.ts";
import type { WorkspaceRepo } from "../../src/core/ports.ts";
import { ADA, ADMIN, createHarness, type Harness, TEAM } from "../support/core-harness.ts";

/** Someone else in the workspace, so it exists before the stranger speaks. */
const BYSTANDER = { externalId: "U-BYSTANDER", displayName: "Bystander" };

/** Ada with Acme tracked (a scheduled round, a reflection, a gap, a queued encouragement elsewhere) and a pause set. */
async function seasoned(): Promise<Harness> {
  const h = createHarness();
  await h.sayAll([
    "apply Acme",
    "round Acme screen tomorrow 3pm",
    "met Acme Dana",
    "gap graphs",
    "apply Initech",
    "rejected Initech",
    "pause 3",
  ]);
  return h;
}

/** Lines whose arguments don't fit the command: refused before anything is read or written. */
const REFUSED_WITH_USAGE: readonly [string, string, RegExp][] = [
  ["missing company", "apply", /^Which company\? Try `apply Acme`\./],
  ["missing stage", "round Acme", /^Which stage\? Try `round Acme technical tomorrow 3pm`\./],
  ["missing who", "met Acme", /^Tell me who you met\. Try `met Acme Dana/],
  ["missing topic", "gap", /^Which topic\? \(what to practise.* Try `gap dynamic programming`/],
  ["missing switch", "notify prep", /^Which switch\? \(on or off\) Try `notify practice off`/],
  ["missing company for timeline", "timeline", /^Which company\? Try `timeline Acme`/],
  ["unknown stage", "round Acme onsit", /"onsit" isn't a stage I know/],
  ["unknown stage on a rejection", "rejected Acme finals", /"finals" isn't a stage I know/],
  ["unparseable date", "round Acme screen next blursday", /couldn't read "next blursday" as a date/],
  ["unparseable date on an invitation", "invited Acme onsite sometime soonish", /couldn't read/],
  ["empty company", 'apply ""', /company name can't be empty/],
  ["blank company", 'apply "   "', /company name can't be empty/],
  ["company over 100 characters", `apply "${"A".repeat(101)}"`, /company name is too long \(100/],
  ["text over 2,000 characters", `learned Acme ${"y".repeat(2001)}`, /text is too long \(2000/],
  ["role over 2,000 characters", `apply Globex ${"r".repeat(2001)}`, /text is too long/],
  ["bell character in a company", "apply Ac\u0007me", /control characters/],
  ["NUL in free text", "met Acme Da\u0000na", /control characters/],
  // Direction controls are taken out rather than refused (test/core/invisible-names.test.ts); text of nothing else is refused.
  ["only a right-to-left override in free text", "learned Acme \u202E\u200B", /only invisible characters/],
  ["escape sequence in a company", "apply \u001B[31mRed", /control characters/],
  ["unknown timezone", "tz Mars/Olympus_Mons", /don't know the timezone "Mars\/Olympus_Mons"/],
  ["offset instead of a zone", "tz +05:00", /don't know the timezone/],
  ["quiet hours with one end", "quiet 21:00", /Quiet hours look like 21:00-08:00/],
  ["quiet hours past midnight", "quiet 25:00-08:00", /Quiet hours look like/],
  ["quiet hours of zero length", "quiet 21:00-21:00", /Quiet hours look like/],
  ["quiet hours with three ends", "quiet 21:00-08:00-09:00", /Quiet hours look like/],
  ["quiet hours in words", "quiet evenings", /Quiet hours look like/],
  ["quiet hours from one time", "quiet 9pm", /Quiet hours look like 21:00-08:00 or 9pm-7am \(or "off"\), not "9pm"/],
  ["quiet hours past the clock", "quiet 9pm-25", /Quiet hours look like/],
  ["bad share level", "share maybe", /Sharing is "on", "off", "company" or "anonymous", not "maybe"/],
  ["pause 0", "pause 0", /whole number from 1 to 365, not "0"/],
  ["pause abc", "pause abc", /whole number from 1 to 365, not "abc"/],
  ["pause too long", "pause 366", /whole number from 1 to 365/],
  ["pause negative", "pause -1", /whole number from 1 to 365/],
  ["pause fraction", "pause 1.5", /whole number from 1 to 365/],
  ["gap number 0", "practiced 0", /gap number should be a whole number/],
  ["gap number word", "practiced first", /gap number should be a whole number/],
  ["rating 6", "impression Acme 6 great", /rating should be a whole number from 1 to 5/],
  ["rating in words", "impression Acme great", /rating should be a whole number/],
  ["extra word after pipeline", "pipeline now", /didn't expect "now": `pipeline` works on its own/],
  ["extra words after stats", "stats for me", /didn't expect "for me": `stats` works on its own/],
  [
    "unquoted two-word company",
    "asked Acme Corp",
    /didn't expect "Corp" after the company\. If "Acme Corp" is one name, put it in quotes: `asked "Acme Corp"`/,
  ],
  ["two timezones", "tz Europe/Berlin Asia/Tokyo", /don't know the timezone "Europe\/Berlin Asia\/Tokyo"/],
  ["extra word after export", "export json", /didn't expect "json"/],
  ["extra word after resume", "resume now", /didn't expect "now"/],
];

describe("bad input is refused with its usage and changes nothing", () => {
  it.each(
    REFUSED_WITH_USAGE,
  )("GIVEN a member with data WHEN they send a line with %s THEN it is refused", async (_, line, why) => {
    const h = await seasoned();
    const before = await h.snapshot([ADA]);
    const { code, message: reply } = await h.run(line);
    expect(code).toBe("bad-arguments");
    expect(reply.private).toBe(true);
    // The words are the point here: they tell the member which argument did not fit, and how the command is used.
    expect(reply.text).toMatch(why);
    expect(reply.text).toMatch(/\nUsage: `\w+( [<[][^`]*)?`$/);
    expect(await h.snapshot([ADA])).toEqual(before);
  });

  it.each(
    REFUSED_WITH_USAGE,
  )("GIVEN a stranger WHEN their very first line has %s THEN no member row is created", async (_, line, why) => {
    const h = createHarness();
    await h.say("help", BYSTANDER);
    const { code, message: reply } = await h.run(line);
    expect(code).toBe("bad-arguments");
    expect(reply.text).toMatch(why);
    const snapshot = await h.snapshot([ADA]);
    expect(snapshot?.members[ADA.externalId]).toBeNull();
  });

  // `invited`'s stage is optional, so a mistyped stage is offered to [when] next and the member is told about a date.
  it("GIVEN a mistyped stage on an invitation WHEN refused THEN the reply names the stage, not a date", async () => {
    const h = await seasoned();
    const before = await h.snapshot([ADA]);
    const reply = await h.say("invited Acme onsit");
    expect(reply.text).toContain('"onsit" isn\'t a stage I know');
    expect(await h.snapshot([ADA])).toEqual(before);
  });

  it("GIVEN the usage shown WHEN a round is refused THEN it is the round command's usage line", async () => {
    const h = await seasoned();
    expect((await h.say("round Acme onsit")).text).toContain("Usage: `round <company> <stage> [when…]`");
  });
});

describe("input refused before the command is even found", () => {
  it.each([
    ["an unclosed quote", 'apply "Acme', "bad-quoting", /opening quote without a closing one/],
    ["a line over 4,000 characters", `learned Acme ${"z".repeat(4000)}`, "line-too-long", /too long for me/],
    ["an unknown command", "aply Acme", "unknown-command", /I don't know the command "aply". Did you mean `apply`\?/],
    [
      "an unknown command with no near match",
      "xyzzy",
      "unknown-command",
      /I don't know the command "xyzzy". Type `help`/,
    ],
  ])("GIVEN a stranger WHEN they send %s THEN they are told and no workspace or member is created", async (_, line, expected, why) => {
    const h = createHarness();
    const { code, message: reply } = await h.run(line);
    expect(code).toBe(expected);
    expect(reply.private).toBe(true);
    expect(reply.text).toMatch(why);
    expect(await h.snapshot([ADA])).toBeNull();
  });

  it("GIVEN a member with data WHEN they mistype a command THEN the nearest command is suggested and nothing changes", async () => {
    const h = await seasoned();
    const before = await h.snapshot([ADA]);
    const rejected = await h.run("rejectd Acme");
    expect(rejected.code).toBe("unknown-command");
    expect(rejected.message.text).toContain("Did you mean `rejected`?");
    const pipeline = await h.run("piplene");
    expect(pipeline.code).toBe("unknown-command");
    expect(pipeline.message.text).toContain("Did you mean `pipeline`?");
    expect(await h.snapshot([ADA])).toEqual(before);
  });
});

describe("refusals decided by the member's own data change nothing", () => {
  it.each([
    ["a gap number they don't have", "practiced 7", "gap-not-found"],
    ["a company they don't track", "round Umbrella screen", "company-not-found"],
    ["an invitation on a rejected application", "invited Initech", "transition-needs-confirmation"],
    ["a rejected application's round", "round Initech onsite", "application-closed"],
    ["forget without confirm", "forget", "forget-needs-confirmation"],
    ["forget with the wrong word", "forget please", "forget-needs-confirmation"],
  ])("GIVEN a member with data WHEN they send %s THEN nothing changes", async (_, line, expected) => {
    const h = await seasoned();
    const before = await h.snapshot([ADA]);
    expect(await h.run(line)).toMatchObject({ code: expected, changed: false });
    expect(await h.snapshot([ADA])).toEqual(before);
  });

  it("GIVEN a stranger WHEN their first command names a gap they don't have THEN no member row is created", async () => {
    const h = createHarness();
    expect((await h.run("practiced 1")).code).toBe("gap-not-found");
    expect((await h.snapshot([ADA]))?.members[ADA.externalId] ?? null).toBeNull();
  });

  it("GIVEN a stranger WHEN their first command names a company they don't track THEN no member row is created", async () => {
    const h = createHarness();
    expect((await h.run("rejected Acme")).code).toBe("company-not-found");
    expect((await h.snapshot([ADA]))?.members[ADA.externalId] ?? null).toBeNull();
  });

  it("GIVEN a non-admin stranger WHEN their first command is an admin one THEN no member row is created", async () => {
    const h = createHarness();
    expect((await h.run("admin channel #wins")).code).toBe("admin-only");
    const snapshot = await h.snapshot([ADA]);
    expect(snapshot?.members[ADA.externalId]).toBeNull();
    expect(snapshot?.workspace.celebrationChannel).toBeNull();
  });
});

describe("a failure half-way leaves nothing half-written", () => {
  const failNow = { on: false };

  /** The bot's store, with one repository method that fails (while `failNow.on`) as a lost connection would. */
  function failing(method: keyof WorkspaceRepo): Harness {
    const faulty = (repo: WorkspaceRepo): WorkspaceRepo =>
      new Proxy(repo, {
        get(target, property, receiver) {
          if (property === method && failNow.on) {
            return async () => {
              throw new Error("connection lost");
            };
          }
          return Reflect.get(target, property, receiver);
        },
      });
    return createHarness({
      wrapStore: (store) => ({
        ...store,
        inWorkspace: (workspaceId, work) => store.inWorkspace(workspaceId, (repo) => work(faulty(repo))),
        inWorkspaceAs: (workspaceId, memberExternalId, options, work) =>
          store.inWorkspaceAs(workspaceId, memberExternalId, options, (repo, opening) => work(faulty(repo), opening)),
      }),
    });
  }

  it("GIVEN queueing the celebration fails WHEN an invitation is logged THEN the rounds are not written either and the member is told kindly", async () => {
    const h = failing("enqueue");
    await h.say("apply Acme");
    const before = await h.snapshot([ADA]);
    failNow.on = true;
    try {
      const outcome = await h.run("invited Acme onsite");
      expect(outcome).toMatchObject({ kind: "failed", code: "internal-error", changed: false });
      expect(outcome.message.private).toBe(true);
    } finally {
      failNow.on = false;
    }
    expect(await h.snapshot([ADA])).toEqual(before);
  });

  it("GIVEN an unexpected error WHEN a command fails THEN it is logged once with ids and the error's kind, never what the member typed", async () => {
    const logged: { bindings: object; context: object; message?: string }[] = [];
    const recording = (bindings: object): Logger => ({
      debug() {},
      info() {},
      warn() {},
      error: (context, message) => {
        logged.push({ bindings, context, message });
      },
      child: (more) => recording({ ...bindings, ...more }),
    });
    const h = createHarness({
      logger: recording({}),
      wrapStore: (store) => ({
        ...store,
        inWorkspaceAs: async () => {
          throw new Error('insert failed for "Secret Startup"');
        },
      }),
    });
    expect((await h.run('apply "Secret Startup" stealth role')).code).toBe("internal-error");
    expect(logged).toEqual([
      {
        bindings: { workspace: TEAM.externalId, member: ADA.externalId, command: "apply" },
        context: { err: { name: "Error" } },
        message: "command failed",
      },
    ]);
    expect(JSON.stringify(logged)).not.toContain("Secret");
  });

  it("GIVEN creating the application fails WHEN a stranger applies THEN not even their member row remains", async () => {
    const h = failing("createApplication");
    failNow.on = true;
    try {
      expect((await h.run("apply Acme")).code).toBe("internal-error");
    } finally {
      failNow.on = false;
    }
    expect((await h.snapshot([ADA]))?.members[ADA.externalId]).toBeNull();
  });
});

describe("no input crashes the bot", () => {
  const WORDS = [
    ...["apply", "round", "invited", "rejected", "offer", "accepted", "withdraw", "ghosted", "waiting", "asked"],
    ...["feedback", "snooze", "skip", "met", "learned", "impression", "gap", "gaps", "practiced", "pipeline"],
    ...["timeline", "stats", "tz", "quiet", "share", "notify", "pause", "resume", "settings", "export", "help"],
    ...["admin", "channel", "timezone", "chase-days", "weekly", "forget", "/nextstep", "Acme", "acme", '"Acme Corp"'],
    ...["a", '""', '"', "onsite", "screen", "final", "tomorrow", "3pm", "Dec", "3", "10:00", "2026-12-03", "yesterday"],
    ...["0", "1", "5", "6", "365", "99999999", "-1", "on", "off", "company", "confirm", "prep", "21:00-08:00", "off"],
    ...["Europe/Berlin", "Pacific/Auckland", "Nowhere/Atlantis", "#wins", "<#C1|wins>", "<#>", "\u0007", "\u202E"],
    ...["🎉", "Ünïcødé", "%s", "$x", "__proto__", "constructor", "toString", "null", "undefined", "NaN"],
  ];

  /** A small deterministic generator, so a failure can be replayed. */
  function lines(seed: number, count: number): string[] {
    let state = seed;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state;
    };
    return Array.from({ length: count }, () => {
      const length = 1 + (next() % 5);
      return Array.from({ length }, () => WORDS[next() % WORDS.length]).join(" ");
    });
  }

  it("GIVEN hundreds of random lines from members, admins and a member with an odd platform zone WHEN sent THEN every reply is a private answer, never an internal error", async () => {
    const h = createHarness();
    const crashes: string[] = [];
    const users = [ADA, ADMIN, { ...ADA, externalId: "U-ZONE", timezone: "Pacific/Chatham" }];
    for (const [index, line] of lines(20_260_302, 600).entries()) {
      const user = users[index % users.length] ?? ADA;
      const { code, message: reply } = await h.run(line, user, TEAM);
      if (code === "internal-error" || !reply.private || reply.text.length === 0) {
        crashes.push(`${user.externalId}: ${line}`);
      }
      h.clock.advanceMinutes(37);
    }
    expect(crashes).toEqual([]);
  });

  it.each([
    ["__proto__", "unknown-command"],
    ["constructor", "unknown-command"],
    ["help __proto__", "help-topic-unknown"],
    ["admin __proto__ x", "unknown-workspace-setting"],
    ["admin constructor x", "unknown-workspace-setting"],
    ["notify __proto__ off", "unknown-reminder-kind"],
    ["notify constructor on", "unknown-reminder-kind"],
    ["notify toString off", "unknown-reminder-kind"],
  ])("GIVEN the prototype-ish word in %j WHEN sent THEN it is refused like any unknown word and nothing changes", async (line, expected) => {
    const h = await seasoned();
    await h.say("settings", ADMIN);
    const before = await h.snapshot([ADA, ADMIN]);
    const user = line.startsWith("admin") ? ADMIN : ADA;
    expect((await h.run(line, user)).code).toBe(expected);
    expect(await h.snapshot([ADA, ADMIN])).toEqual(before);
  });
});
