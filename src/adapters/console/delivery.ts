/** The console's delivery port: DMs and channel posts are printed, labelled, to the terminal; a taken-back post is a line too. */
import type { ChannelAddress, DeliveryPort, DirectAddress } from "../../core/delivery/port.ts";
import type { BotMessage } from "../../core/model.ts";
import { type ConsoleStyle, PLAIN, renderForConsole } from "./render.ts";

export function createConsoleDelivery(write: (text: string) => void, style: ConsoleStyle = PLAIN): DeliveryPort {
  // A printed line cannot be unprinted: a post's reference is its number, and taking it back says so.
  let posts = 0;
  return {
    async sendDirect(_address: DirectAddress, message: BotMessage) {
      write(renderForConsole({ kind: "direct" }, message, style));
    },
    async postToChannel(address: ChannelAddress, message: BotMessage) {
      write(renderForConsole({ kind: "channel", channel: address.channel }, message, style));
      posts += 1;
      return { ref: String(posts) };
    },
    async deleteFromChannel(address: ChannelAddress) {
      const notice = { text: "(a post was taken back)" };
      write(renderForConsole({ kind: "channel", channel: address.channel }, notice, style));
    },
  };
}
