/** Health routes beside Slack's endpoints, for load balancers: /healthz (the process is up) and /readyz (the database answers). */
import type { CustomRoute } from "@slack/bolt";

export function healthRoutes(ping: () => Promise<void>): CustomRoute[] {
  return [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      },
    },
    {
      path: "/readyz",
      method: ["GET"],
      handler: (_req, res) => {
        ping().then(
          () => {
            res.writeHead(200, { "content-type": "text/plain" });
            res.end("ready");
          },
          () => {
            res.writeHead(503, { "content-type": "text/plain" });
            res.end("database unreachable");
          },
        );
      },
    },
  ];
}
