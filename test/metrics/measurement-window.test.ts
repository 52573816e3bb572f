/**
 * MeasurementWindow.intervalOf remembers the times of the interval it last found: its answers
 * must be exactly the definition's, ⌊t / interval⌋ capped to the last interval, −1 outside
 * [0, horizon), also for times an ulp or two from a boundary and for queries going backwards.
 */
import { describe, expect, it } from "vitest";
import { MeasurementWindow } from "../../src/metrics/time-weighted-level.ts";

function definition(window: MeasurementWindow, timeSeconds: number): number {
  if (!(timeSeconds >= 0 && timeSeconds < window.horizonSeconds) || window.intervalCount === 0) {
    return -1;
  }
  return Math.min(window.intervalCount - 1, Math.floor(timeSeconds / window.intervalSeconds));
}

const view = new Float64Array(1);
const bits = new BigInt64Array(view.buffer);

/** The doubles `steps` ulps away from a positive `value`. */
function ulpsAway(value: number, steps: number): number {
  view[0] = value;
  bits[0] = (bits[0] as bigint) + BigInt(steps);
  return view[0] as number;
}

/** Times around every boundary k · interval (a few ulps either side) and the horizon. */
function boundaryTimes(window: MeasurementWindow): number[] {
  const times: number[] = [0, -1, window.horizonSeconds];
  for (let k = 1; k <= window.intervalCount + 1; k++) {
    const boundary = k * window.intervalSeconds;
    for (let steps = -3; steps <= 3; steps++) times.push(ulpsAway(boundary, steps));
    times.push(boundary - window.intervalSeconds / 2);
  }
  for (let steps = -2; steps <= 2; steps++) times.push(ulpsAway(window.horizonSeconds, steps));
  return times;
}

const windows = [
  new MeasurementWindow(0, 86_400, 3_600),
  new MeasurementWindow(0, 10, 0.1),
  new MeasurementWindow(5, 100, 1 / 3),
  new MeasurementWindow(0, 1_000, 7.3),
  new MeasurementWindow(0, 1_000, 0.7),
  new MeasurementWindow(0, 950, 100),
  new MeasurementWindow(0, 0, 100),
];

describe("MeasurementWindow.intervalOf", () => {
  it.each(windows.map((window) => [window.intervalSeconds, window] as const))(
    "gives the definition's interval in increasing time order (interval %s s)",
    (_, window) => {
      const times = boundaryTimes(window).sort((a, b) => a - b);
      for (const time of times)
        expect(window.intervalOf(time), `t = ${time}`).toBe(definition(window, time));
    },
  );

  it.each(windows.map((window) => [window.intervalSeconds, window] as const))(
    "gives the definition's interval in any order (interval %s s)",
    (_, window) => {
      const times = boundaryTimes(window);
      let state = 7;
      for (let n = 0; n < 4 * times.length; n++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        const time = times[state % times.length] as number;
        expect(window.intervalOf(time), `t = ${time}`).toBe(definition(window, time));
      }
    },
  );
});
