/**
 * Progress of a long run on standard error, only when it is a terminal (a pipe or a CI log gets
 * no bar). Nothing appears for runs that finish within a second, so short runs stay quiet.
 */
import cliProgress from "cli-progress";

const SHOW_AFTER_MILLISECONDS = 1000;

/** A progress reporter: `update(fraction)` as work proceeds, `stop()` at the end. */
export interface Progress {
  update(fractionDone: number): void;
  stop(): void;
}

/** A bar on stderr if it is a TTY and `enabled`, else a reporter that prints nothing. */
export function createProgress(label: string, enabled: boolean): Progress {
  if (!enabled || process.stderr.isTTY !== true) return { update() {}, stop() {} };
  const started = performance.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(fractionDone) {
      if (bar === null) {
        if (performance.now() - started < SHOW_AFTER_MILLISECONDS) return;
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `${label} [{bar}] {percentage}% | ETA {eta_formatted}`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1000, 0);
      }
      bar.update(Math.round(fractionDone * 1000));
    },
    stop() {
      bar?.stop();
    },
  };
}
