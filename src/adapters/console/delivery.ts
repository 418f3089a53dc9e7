/** The console's delivery port: DMs and channel posts are printed, labelled, to the terminal. */
import type { ChannelAddress, DeliveryPort, DirectAddress } from "../../core/delivery/port.ts";
import type { BotMessage } from "../../core/model.ts";
import { type ConsoleStyle, PLAIN, renderForConsole } from "./render.ts";

export function createConsoleDelivery(write: (text: string) => void, style: ConsoleStyle = PLAIN): DeliveryPort {
  return {
    async sendDirect(_address: DirectAddress, message: BotMessage) {
      write(renderForConsole({ kind: "direct" }, message, style));
    },
    async postToChannel(address: ChannelAddress, message: BotMessage) {
      write(renderForConsole({ kind: "channel", channel: address.channel }, message, style));
    },
  };
}
