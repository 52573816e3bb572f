/**
 * --charts and --png, declared once for the commands that draw, with the one check between them
 * (--png draws what --charts would: it cannot go with --no-charts). The help names each
 * command's own chart files.
 */
import { UsageError } from "../../errors.ts";

/** The two options as yargs parses them. */
export interface ChartArguments {
  charts: boolean;
  png: boolean;
}

/**
 * The --charts and --png declarations (for yargs' `.options`) of a command that draws
 * charts/`chart` (`sweep`, or `<name>` for a run's many); `more` completes --charts' help after
 * the chart files (" for every chart, and report.html").
 */
export function chartOptions(chart: string, more = "") {
  return {
    charts: {
      type: "boolean",
      default: true,
      describe: `write charts/${chart}.vl.json and .svg${more} (--no-charts to skip)`,
    },
    png: {
      type: "boolean",
      default: false,
      describe: `also write charts/${chart}.png (2× zoom, white background)`,
    },
  } as const;
}

/** A UsageError for --png with --no-charts; `drawn` is what --png draws ("the chart as a PNG"). */
export function checkChartOptions(args: ChartArguments, drawn: string): void {
  if (args.png && !args.charts) {
    throw new UsageError(`--png draws ${drawn}: it cannot go with --no-charts`);
  }
}
