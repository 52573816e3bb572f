/**
 * Progress of a long run on standard error, only when it is a terminal (a pipe or a CI log gets
 * no bar). Nothing appears for runs that finish within a second, so short runs stay quiet.
 * Updates reach the bar at most every 100 ms and only when the value moved. The ETA is ours
 * (eta.ts), shown only once some work is done: cli-progress's own read "NULL" or "INF" (cut to
 * "LLs", "NFs") whenever its last updates showed no movement, e.g. a slow first chunk. A label
 * given as a function is read at every update (compare names the variant being simulated).
 */
import cliProgress from "cli-progress";
import { formatTimeLeft } from "./eta.ts";

const SHOW_AFTER_MILLISECONDS = 1000;
const UPDATE_EVERY_MILLISECONDS = 100;
const STEPS = 1000;

/** A progress reporter: `update(fraction)` as work proceeds, `stop()` at the end. */
export interface Progress {
  update(fractionDone: number): void;
  stop(): void;
}

/** A bar on stderr if it is a TTY and `enabled`, else a reporter that prints nothing. */
export function createProgress(label: string | (() => string), enabled: boolean): Progress {
  const labelNow = typeof label === "string" ? () => label : label;
  if (!enabled || process.stderr.isTTY !== true) return { update() {}, stop() {} };
  const started = performance.now();
  let bar: cliProgress.SingleBar | null = null;
  let lastValue = -1;
  let lastUpdate = Number.NEGATIVE_INFINITY;
  return {
    update(fractionDone) {
      const now = performance.now();
      if (bar === null) {
        if (now - started < SHOW_AFTER_MILLISECONDS || !(fractionDone > 0)) return;
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: "{label} [{bar}] {percentage}% | ETA {timeLeft}",
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(STEPS, 0, {
          label: labelNow(),
          timeLeft: formatTimeLeft(now - started, fractionDone),
        });
      }
      const value = Math.round(fractionDone * STEPS);
      if (value === lastValue || now - lastUpdate < UPDATE_EVERY_MILLISECONDS) return;
      lastValue = value;
      lastUpdate = now;
      bar.update(value, {
        label: labelNow(),
        timeLeft: formatTimeLeft(now - started, fractionDone),
      });
    },
    stop() {
      bar?.stop();
    },
  };
}
