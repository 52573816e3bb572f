/** Every benchmark, by name, in the order `npm run bench` runs them. */
import type { BenchCase } from "../types.ts";
import { engineHold, engineHoldCancel } from "./engine-hold.ts";
import { simulateOneMillion, simulateTenMillion, simulateVoice50 } from "./simulate.ts";

export const benchCases: readonly BenchCase[] = [
  engineHold,
  engineHoldCancel,
  simulateVoice50,
  simulateOneMillion,
  simulateTenMillion,
];
