/** Every benchmark case, by name, in the order `npm run bench` runs them. */
import type { BenchCase } from "../types.ts";
import { engineDueNow, engineDueNowLane, engineHold, engineHoldCancel } from "./engine-hold.ts";
import { eventsCase } from "./events.ts";
import { quickstartCase, quickstartNoChartsCase } from "./quickstart.ts";
import { overload, perfMm50, rss10m, skewedSkills, voice50, workers2000 } from "./scenario-runs.ts";
import { threadsCase } from "./threads.ts";

export const benchCases: readonly BenchCase[] = [
  perfMm50,
  workers2000,
  overload,
  skewedSkills,
  eventsCase,
  threadsCase,
  quickstartCase,
  quickstartNoChartsCase,
  rss10m,
  voice50,
  engineHold,
  engineHoldCancel,
  engineDueNow,
  engineDueNowLane,
];
