/** Every benchmark scenario, in report order. */
import type { Scenario } from "../scenario.ts";
import { commandLatency } from "./command-latency.ts";
import { dispatchScenario } from "./dispatch.ts";
import { footprint } from "./footprint.ts";
import { jobScansScenario } from "./job-scans.ts";

export const SCENARIOS: readonly Scenario[] = [commandLatency, jobScansScenario, dispatchScenario, footprint];
