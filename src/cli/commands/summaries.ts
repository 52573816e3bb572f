/**
 * Each command's usage line and one-line description: what `ccsim --help` lists and what yargs
 * needs to know of every command. The command modules themselves (options, handler and all they
 * import) are loaded only for the command that runs (commands/index.ts).
 */

/** A command's usage (`name <positionals>`) and its description. */
export interface CommandSummary {
  readonly command: string;
  readonly describe: string;
}

/** The summary of every command, by name. */
export const COMMAND_SUMMARIES = {
  run: {
    command: "run <scenario>",
    describe:
      "simulate a scenario and write summary, interval and worker reports, charts and report.html",
  },
  compare: {
    command: "compare <scenario..>",
    describe:
      "run a scenario's modes, --set variants or several files on common random numbers and compare them, paired by replication",
  },
  check: {
    command: "check <scenario>",
    describe:
      "run a scenario and compare it with a stored summary.json: exit 1 when a metric moved by more than chance and its tolerance allow",
  },
  staff: {
    command: "staff <scenario>",
    describe:
      "find the smallest count of a worker group that meets one or more targets, simulated on common random numbers",
  },
  sweep: {
    command: "sweep <scenario>",
    describe:
      "run a scenario over a grid of one or two fields' values (--set <path>=<list or range>) on common random numbers, one row per point",
  },
  erlang: {
    command: "erlang",
    describe:
      "Erlang B, C and A figures for agent counts, and the agents needed for a target (no simulation)",
  },
  merge: {
    command: "merge <shards..>",
    describe:
      "combine the shard folders of `run`, `compare` or `sweep --shard i/n` into the files of the whole study (byte-identical to an unsharded one); of `staff --per-interval --shard i/n`, advance its search by a day (docs/shards.md)",
  },
  serve: {
    command: "serve [scenario]",
    describe:
      "serve the Job Router REST API (2023-11-01) on a local port for the real SDKs, with a scenario's policies and queues (docs/serve.md)",
  },
  validate: {
    command: "validate <files..>",
    describe: "check scenario files without simulating; print every problem",
  },
  schema: {
    command: "schema",
    describe: "print the JSON Schema of the scenario format (for editor completion via $schema)",
  },
} as const satisfies Record<string, CommandSummary>;
