/** Request checks Bolt leaves out: it refuses signatures older than five minutes, this refuses those dated too far ahead. */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/** Slack's own window, in both directions: a replayed or forged-ahead timestamp is refused like a stale one. */
const MAX_SKEW_SECONDS = 5 * 60;

/** Wraps Bolt's request listener so a request dated more than five minutes in the future gets 401 and goes no further. */
export function refuseFutureRequests(listener: RequestListener, nowMs: () => number = Date.now): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const stamp = Number(request.headers["x-slack-request-timestamp"]);
    if (Number.isFinite(stamp) && stamp > Math.floor(nowMs() / 1000) + MAX_SKEW_SECONDS) {
      response.writeHead(401).end();
      return;
    }
    listener(request, response);
  };
}
