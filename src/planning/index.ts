/**
 * Public face of `planning/`: staffing answers from queueing theory for a scenario and its
 * measured traffic (cli → planning → { scenario and metrics types, theory }).
 */
export {
  type ErlangRequirement,
  erlangRequirements,
  whyErlangDoesNotFit,
} from "./erlang-requirement.ts";
