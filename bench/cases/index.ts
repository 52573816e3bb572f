/** Every benchmark, by name, in the order `npm run bench` runs them. */
import type { BenchCase } from "../types.ts";
import { engineHold, engineHoldCancel } from "./engine-hold.ts";

export const benchCases: readonly BenchCase[] = [engineHold, engineHoldCancel];
