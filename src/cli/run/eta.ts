/**
 * The progress bar's time-left text, computed here rather than by cli-progress: its estimate
 * comes from the last few updates and reads "NULL" or "INF" (cut to "LLs", "NFs") when they show
 * no movement. Here the estimate is the mean rate since the start, always a finite time.
 */

/** The largest time shown, 99,999 hours: beyond it an estimate means nothing anyway. */
const MAX_SECONDS = 99_999 * 3600;

/**
 * Time left as `12s`, `3m05s` or `2h07m`, from the wall time elapsed and the fraction done.
 * Only meaningful once some work is done: `fractionDone` must be in (0, 1].
 */
export function formatTimeLeft(elapsedMilliseconds: number, fractionDone: number): string {
  const fraction = fractionDone > 0 ? Math.min(1, fractionDone) : Number.MIN_VALUE;
  const elapsedSeconds = elapsedMilliseconds > 0 ? elapsedMilliseconds / 1000 : 0;
  const estimate = (elapsedSeconds * (1 - fraction)) / fraction;
  // Absurd estimates (a first chunk that barely moved) print as the cap, still a time.
  const seconds = Math.ceil(Math.min(estimate, MAX_SECONDS));
  if (seconds < 60) return `${seconds}s`;
  const pad = (value: number) => String(value).padStart(2, "0");
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${pad(seconds % 60)}s`;
  return `${Math.floor(seconds / 3600)}h${pad(Math.floor((seconds % 3600) / 60))}m`;
}
