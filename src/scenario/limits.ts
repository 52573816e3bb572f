/**
 * The sizes ccsim accepts, chosen so that every realistic contact-center study fits with room
 * to spare (a 50,000-agent enterprise, a year of 15-minute intervals, a month of calls) while
 * a value that cannot be simulated in memory or in time is refused at load, located at its
 * field. docs/limits.md explains each one; change both together.
 */

const MEBIBYTE = 1024 * 1024;
const DAY_SECONDS = 86_400;

/** Scenario files larger than this are refused before parsing (a big center is ~100 KiB). */
export const MAX_SCENARIO_FILE_BYTES = 16 * MEBIBYTE;

/** Trace files larger than this are refused (≈ 5 million rows of 50 bytes), being read whole. */
export const MAX_TRACE_FILE_BYTES = 256 * MEBIBYTE;

/** YAML alias expansions per document: plenty for `<<: *defaults`, fatal to an alias bomb. */
export const MAX_YAML_ALIAS_EXPANSIONS = 1000;

/** Workers after expanding every group's `count`: twice a 50,000-agent enterprise. */
export const MAX_WORKERS = 100_000;

/** Longest horizon, and longest drain: a year (leap year included). */
export const MAX_HORIZON_SECONDS = 3660 * DAY_SECONDS;

/** Longest drain after the horizon: a year. */
export const MAX_DRAIN_SECONDS = 3660 * DAY_SECONDS;

/** Report intervals per run (horizon / intervalLength): a year of 15-minute intervals is 35,136. */
export const MAX_INTERVALS = 100_000;

/**
 * Rate intervals a piecewisePoisson stream walks through over the horizon (horizon /
 * intervalLength): a year of 5-second rates is 6.3 million; each costs a few nanoseconds.
 */
export const MAX_RATE_INTERVALS = 10_000_000;

/**
 * Expected jobs per replication over all arrival streams: a 50,000-agent center taking 10
 * calls an hour each, 16 hours a day for 31 days, is 248 million — about 20 minutes a
 * replication at the benchmarked 220,000 jobs a second.
 */
export const MAX_JOBS_PER_REPLICATION = 250_000_000;
