/**
 * A Vega-Lite spec to an SVG string, in Node, without a canvas: vega-lite compiles, vega lays out
 * with Arimo's real text widths (text-width.ts) and renders headless (`renderer: "none"`). Ids
 * are prefixed with the chart's name so several SVGs can share a page, and vega's id counters
 * are reset first, so the same spec gives the same bytes. Local time is refused
 * (local-time-check.ts), and so is any vega or vega-lite warning (a dropped format, an unknown
 * field): the chart would not show what its spec says. Pure of files and process.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { FONT } from "../charts/theme.ts";
import { collectingLogger } from "./collecting-logger.ts";
import { localTimeUsesOf, withUtcDescriptions } from "./local-time-check.ts";
import { prefixSvgIds } from "./svg-ids.ts";
import { vegaTextWidth } from "./text-width.ts";

/** The font family every chart is set in (the charts' theme declares it): Arimo, then its
 * metric twins. */
export const CHART_FONT_FAMILY = FONT;

/**
 * What vega says of a scale whose data are empty (a run where no job arrived, a curve with no
 * defined point): the chart is drawn empty, axes and subtitle included, which is the truth.
 */
const EMPTY_DATA_WARNING = /^warning: Infinite extent for field /;

/** A chart's spec cannot be drawn as ccsim's charts must be (local time, a warning). */
export class ChartSpecError extends Error {
  override readonly name = "ChartSpecError";
}

/** vega-scenegraph's text measuring hook, exported by vega but missing from its types. */
interface TextMetrics {
  width: (item: never, text: unknown) => number;
}

// vega honours a user-defined width function for layout and for label truncation.
(vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = vegaTextWidth;

/** `spec` with Arimo as its font unless it names one: the font the widths are measured in. */
export function withChartFont(spec: TopLevelSpec): TopLevelSpec {
  return { ...spec, config: { font: CHART_FONT_FAMILY, ...spec.config } } as TopLevelSpec;
}

/**
 * The SVG of `spec` (set in Arimo unless it names a font), every id prefixed with `idPrefix`
 * (the chart's name). Throws ChartSpecError when a scale, time unit or label uses local time, or
 * when vega-lite or vega warns.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const logger = collectingLogger();
  const vegaSpec = withUtcDescriptions(compile(withChartFont(spec), { logger }).spec);
  const localTime = localTimeUsesOf(vegaSpec);
  if (localTime.length > 0) {
    throw new ChartSpecError(`chart ${idPrefix} uses local time: ${localTime.join("; ")}`);
  }
  const view = new vega.View(vega.parse(vegaSpec), {
    renderer: "none",
    logger,
    logLevel: vega.Warn,
  });
  try {
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    const problems = logger.messages.filter((message) => !EMPTY_DATA_WARNING.test(message));
    if (problems.length > 0) {
      throw new ChartSpecError(`chart ${idPrefix}: ${problems.join("; ")}`);
    }
    return prefixSvgIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}
