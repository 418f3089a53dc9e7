/** The App Home tab: the member's pipeline, wins and metrics, gaps, and settings they can change in place. */
import type { types } from "@slack/bolt";
import type { BotMessage } from "../../core/model.ts";
import { ACTION_PREFIX, type Block, encodeButtonValue, renderBlocks } from "./render.ts";

const ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Helsinki",
  "Africa/Lagos",
  "Africa/Nairobi",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "America/Sao_Paulo",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
];

const option = (label: string, command: string): types.PlainTextOption => ({
  text: { type: "plain_text", text: label },
  value: encodeButtonValue({ command }),
});

function settingsControls(owner: string): Block[] {
  const select = (id: string, placeholder: string, options: types.PlainTextOption[]): types.StaticSelect => ({
    type: "static_select",
    action_id: `${ACTION_PREFIX}settings.${id}`,
    placeholder: { type: "plain_text", text: placeholder },
    options,
  });
  return [
    { type: "header", text: { type: "plain_text", text: "Change settings" } },
    {
      type: "actions",
      elements: [
        select("share", "Sharing", [
          option("Share wins, no company", "share on"),
          option("Share wins with company", "share company"),
          option("Share wins anonymously", "share anonymous"),
          option("Share nothing", "share off"),
        ]),
        select("quiet", "Quiet hours", [
          option("21:00-08:00", "quiet 21:00-08:00"),
          option("22:00-07:00", "quiet 22:00-07:00"),
          option("23:00-09:00", "quiet 23:00-09:00"),
          option("No quiet hours", "quiet off"),
        ]),
        select(
          "tz",
          "Timezone",
          ZONES.map((zone) => option(zone, `tz ${zone}`)),
        ),
        {
          type: "button",
          action_id: `${ACTION_PREFIX}settings.pause`,
          text: { type: "plain_text", text: "Pause a week" },
          value: encodeButtonValue({ command: "pause 7", owner }),
        },
        {
          type: "button",
          action_id: `${ACTION_PREFIX}settings.resume`,
          text: { type: "plain_text", text: "Resume" },
          value: encodeButtonValue({ command: "resume", owner }),
        },
      ],
    },
    {
      type: "context",
      elements: [
        { type: "mrkdwn", text: "Other zones: `/nextstep tz Region/City`. Everything else: `/nextstep help`." },
      ],
    },
  ];
}

/** The home view for `owner`, built from the core's overview sections. */
export function homeView(sections: readonly BotMessage[], owner: string): types.HomeView {
  const blocks: Block[] = [{ type: "header", text: { type: "plain_text", text: "Next Step" } }];
  for (const section of sections) {
    blocks.push(...renderBlocks(section, owner).blocks, { type: "divider" });
  }
  blocks.push(...settingsControls(owner));
  return { type: "home", blocks: blocks.slice(0, 100) };
}
