/** Every benchmark scenario, in report order. */
import type { Scenario } from "../scenario.ts";
import { dispatchScenario } from "./dispatch.ts";

export const SCENARIOS: readonly Scenario[] = [dispatchScenario];
