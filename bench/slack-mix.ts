/** The command mix for latency runs: members applying, logging rounds, invitations and rejections at their own companies, and reading their pipeline. */

/** One slash command as a member types it. */
export interface MemberCommand {
  userId: string;
  text: string;
  /** The command word, for checking the answer. */
  command: string;
}

/** A bench member as the fake Slack knows them. */
export interface BenchMember {
  id: string;
  name: string;
  tz: string;
}

const COMPANIES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Stark Industries",
  "Wayne Enterprises",
  "Wonka",
  "Cyberdyne",
  "Soylent",
  "Tyrell",
  "Aperture",
  "Black Mesa",
  "Vandelay",
  "Pied Piper",
  "Dunder Mifflin",
  "Oscorp",
  "Massive Dynamic",
  "Monarch",
  "Nakatomi",
  "Gekko",
  "Prestige Worldwide",
  "Bluth",
  "Sterling Cooper",
  "Virtucon",
  "Weyland",
  "Zorg",
  "Krusty Krab",
  "Blue Sun",
  "Rekall",
];
const STAGES = ["screen", "technical", "take-home", "system-design", "onsite", "manager", "final"];
const WHENS = ["", "", "", "yesterday", "tomorrow 3pm", "next monday 10am", "friday 11:00", "2 days ago"];
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Europe/London", "America/Los_Angeles", "UTC"];

/** How often each command comes up, out of 100. */
const WEIGHTS: readonly [string, number][] = [
  ["apply", 15],
  ["round", 22],
  ["invited", 10],
  ["rejected", 6],
  ["pipeline", 20],
  ["stats", 12],
  ["timeline", 15],
];

/** What a successful answer to each writing command says; reading commands just must not apologise. */
/** Replies the mix expects that change nothing (a round booked twice), so no App Home publish follows them. */
export const UNCHANGED_REPLY = /You already have /;

export const EXPECTED_REPLY: Readonly<Record<string, RegExp>> = {
  apply: /Tracking /,
  // The mix may book the same round at the same time twice; the second is refused as already logged.
  round: /Logged your |Noted: |You already have /,
  invited: /That's a win/,
  rejected: /Logged, privately/,
};

interface Company {
  name: string;
  open: boolean;
  rounds: number;
}

interface MemberState {
  member: BenchMember;
  companies: Company[];
}

export function benchMembers(count: number): BenchMember[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `UB${String(index).padStart(6, "0")}`,
    name: `member${index}`,
    tz: ZONES[index % ZONES.length] as string,
  }));
}

/** A deterministic stream of commands: the same seed gives every target the same requests. */
export class CommandMix {
  private readonly states: MemberState[];
  private readonly random: () => number;
  private order: number[] = [];

  constructor(members: readonly BenchMember[], seed = 42) {
    this.states = members.map((member) => ({ member, companies: [] }));
    this.random = mulberry32(seed);
  }

  /** Every member's first application, in member order: the warm-up before anything is measured. */
  warmUp(): MemberCommand[] {
    return this.states.map((state) => this.apply(state) as MemberCommand);
  }

  /** The next command; members take turns in a shuffled order, so one member rarely has two commands in flight. */
  next(): MemberCommand {
    if (this.order.length === 0) this.order = this.shuffled();
    const state = this.states[this.order.pop() as number] as MemberState;
    return this.commandFor(state, this.pickWeighted());
  }

  private commandFor(state: MemberState, word: string): MemberCommand {
    const user = state.member.id;
    const open = state.companies.filter((company) => company.open);
    switch (word) {
      case "apply":
        return this.apply(state) ?? this.commandFor(state, "pipeline");
      case "round": {
        const company = this.pick(open);
        if (!company) return this.commandFor(state, "apply");
        company.rounds += 1;
        return this.line(user, "round", `${quote(company.name)} ${this.pick(STAGES)} ${this.pick(WHENS)}`);
      }
      case "invited": {
        const company = this.pick(open.filter((candidate) => candidate.rounds > 0));
        if (!company) return this.commandFor(state, "round");
        company.rounds += 1;
        return this.line(user, "invited", `${quote(company.name)} ${this.pick(STAGES)} ${this.pick(WHENS)}`);
      }
      case "rejected": {
        // Members keep hunting: never close the last open application.
        if (open.length < 2) return this.commandFor(state, "round");
        const company = this.pick(open) as Company;
        company.open = false;
        return this.line(user, "rejected", quote(company.name));
      }
      case "timeline": {
        const company = this.pick(state.companies);
        return company ? this.line(user, "timeline", quote(company.name)) : this.commandFor(state, "apply");
      }
      default:
        return this.line(user, word, "");
    }
  }

  private apply(state: MemberState): MemberCommand | undefined {
    const taken = state.companies.length;
    if (taken >= COMPANIES.length) return undefined;
    // Each member works through the list from their own starting point, so companies repeat across members.
    const offset = Number.parseInt(state.member.id.slice(2), 10) * 7;
    const name = COMPANIES[(offset + taken) % COMPANIES.length] as string;
    state.companies.push({ name, open: true, rounds: 0 });
    return this.line(state.member.id, "apply", quote(name));
  }

  private line(userId: string, command: string, rest: string): MemberCommand {
    return { userId, command, text: `${command} ${rest}`.trim() };
  }

  private pickWeighted(): string {
    let roll = this.random() * 100;
    for (const [word, weight] of WEIGHTS) {
      roll -= weight;
      if (roll < 0) return word;
    }
    return "pipeline";
  }

  private pick<T>(choices: readonly T[]): T | undefined {
    return choices[Math.floor(this.random() * choices.length)];
  }

  private shuffled(): number[] {
    const order = this.states.map((_, index) => index);
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order;
  }
}

function quote(company: string): string {
  return company.includes(" ") ? `"${company}"` : company;
}

/** A small, fast, seedable PRNG (public-domain mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
