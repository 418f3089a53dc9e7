/** Where a member's request came from, as the adapter knows it: a DM or the workspace itself, and how to ask the platform about a channel. */

/** What the platform says of a channel: one of this workspace's, not (another's, or none it can see), or it could not be asked. */
export type ChannelVerdict = "here" | "elsewhere" | "unknown";

export interface RequestPlace {
  /**
   * Sent from a direct message (an old DM button): it shows nothing about whether the workspace still has the app,
   * so it never cancels a scheduled deletion.
   */
  direct?: boolean;
  /** Asks the platform whether `channel` is one of this workspace's; absent where every channel is (the console). */
  channelVerdict?(channel: string): Promise<ChannelVerdict>;
}

/** Thrown by a handler's question the platform has not answered yet: its unit of work rolls back, and it is asked. */
class PlatformQuestion extends Error {
  constructor(readonly channel: string) {
    super("the platform must be asked about a channel first");
    this.name = "PlatformQuestion";
  }
}

export interface PlatformAnswers {
  /** What a handler asks: the answer when known, else a PlatformQuestion that ends the attempt. */
  channelVerdict(channel: string): Promise<ChannelVerdict>;
  /** Asks the question `error` is, outside any transaction; false when it is some other error. */
  answer(error: unknown): Promise<boolean>;
}

/**
 * The platform's answers for one request. A network call inside a transaction would hold it open (or, on an embedded
 * database, wait on itself), so a question ends the attempt and the command runs again knowing the answer.
 */
export function platformAnswers(place: RequestPlace): PlatformAnswers {
  const known = new Map<string, ChannelVerdict>();
  const ask = place.channelVerdict;
  return {
    async channelVerdict(channel) {
      if (!ask) return "here";
      const verdict = known.get(channel);
      if (verdict === undefined) throw new PlatformQuestion(channel);
      return verdict;
    },
    async answer(error) {
      if (!(error instanceof PlatformQuestion) || !ask || known.has(error.channel)) return false;
      known.set(error.channel, await ask(error.channel));
      return true;
    },
  };
}
