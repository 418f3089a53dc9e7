/** Every benchmark scenario, in report order. */
import type { Scenario } from "../scenario.ts";

export const SCENARIOS: readonly Scenario[] = [];
