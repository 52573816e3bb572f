/**
 * A staffing vector as each person's shifts: in report interval k the first `staffing[k]`
 * people of the group are on duty, so person i works the merged runs of intervals where
 * i < staffing[k]. A run that reaches the last interval never ends: whoever is on at the
 * horizon stays on through the drain, as a group without shifts does.
 */
import type { ShiftSpec } from "../scenario/index.ts";

/** The shifts of the group's person `personIndex` (0-based), sorted, with no two touching. */
export function shiftsFromStaffing(
  staffing: readonly number[],
  personIndex: number,
  intervalLengthSeconds: number,
): ShiftSpec[] {
  const shifts: ShiftSpec[] = [];
  let runStart: number | null = null;
  staffing.forEach((onDuty, interval) => {
    const working = personIndex < onDuty;
    if (working && runStart === null) runStart = interval;
    if (!working && runStart !== null) {
      shifts.push({
        startSeconds: runStart * intervalLengthSeconds,
        endSeconds: interval * intervalLengthSeconds,
      });
      runStart = null;
    }
  });
  if (runStart !== null)
    shifts.push({
      startSeconds: runStart * intervalLengthSeconds,
      endSeconds: Number.POSITIVE_INFINITY,
    });
  return shifts;
}
