/**
 * What `ccsim staff` found, as its renderers take it: the targets, the search's evaluations and
 * answers, where it started and why, and the Erlang value of each target at any count where
 * theory describes it. Plain data plus one pure function; no file system, no console.
 */
import type { StaffingTarget, StaffSearchResult } from "../../planning/index.ts";

/** A staffing study. */
export interface StaffingStudy {
  readonly scenario: string;
  readonly groupId: string;
  readonly seed: number;
  readonly replications: number;
  readonly targets: readonly StaffingTarget[];
  readonly search: StaffSearchResult;
  /** The count the search started from, and from what. */
  readonly start: {
    readonly count: number;
    /** "erlang": theory's answer; "current": the group's count in the scenario; "given": --start. */
    readonly from: "erlang" | "current" | "given";
    /** One sentence: the model used, or why theory does not apply (ends with a period). */
    readonly note: string;
  };
  readonly min: number;
  readonly max: number;
  /** "Erlang C" or "Erlang A" when theory describes some target, else undefined. */
  readonly erlangFormula?: string;
  /** Theory's value of target `targetIndex` with `count` agents, where it has one. */
  readonly erlangValue: (count: number, targetIndex: number) => number | undefined;
}
