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
