/**
 * The look every chart shares: font, colour-blind-safe colours (Okabe–Ito), sizes, the Vega-Lite
 * config, and the frame (schema, title, subtitle, description) around each spec. One colour per
 * outcome for every chart, so "abandoned" is the same vermillion wherever it appears.
 */
import type { Config, TopLevelSpec } from "vega-lite";
import { wrapLine } from "./wording.ts";

/** The renderer measures text with Arimo's metrics; the rest are look-alike fallbacks. */
export const FONT = "Arimo, Liberation Sans, Arial, Helvetica, sans-serif";

/** Width of a chart's plotting area in pixels; axes and labels bring the whole to about 720. */
export const PLOT_WIDTH_PX = 640;
/** Height of a single-view chart's plotting area. */
export const PLOT_HEIGHT_PX = 240;
/** Height of one row of small multiples. */
export const SMALL_MULTIPLE_HEIGHT_PX = 110;

/** Okabe & Ito's eight colours, safe for the common colour-vision deficiencies. */
export const OKABE_ITO = {
  blue: "#0072B2",
  orange: "#E69F00",
  bluishGreen: "#009E73",
  reddishPurple: "#CC79A7",
  skyBlue: "#56B4E9",
  vermillion: "#D55E00",
  yellow: "#F0E442",
  black: "#000000",
} as const;

/** For categories without a meaning of their own (queues, worker groups), in this order. */
export const CATEGORY_PALETTE: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Neutral grey for "other" outcomes and reference lines. */
const GREY = "#8C8C8C";
/** Background of the warm-up period and of KPI tiles. */
export const WARMUP_FILL = "#E8E8E8";
export const TILE_FILL = "#F1F4F8";
/** Reference lines (target, threshold) and their labels. */
export const REFERENCE_COLOUR = "#333333";
/** Dash pattern of reference lines and of the Erlang requirement. */
export const DASH: number[] = [6, 4];
/** Opacity of confidence bands. */
export const BAND_OPACITY = 0.25;

/** One colour per outcome, the same in every chart that shows it. */
export const OUTCOME_COLOURS = {
  answeredWithinThreshold: OKABE_ITO.bluishGreen,
  answeredLater: OKABE_ITO.skyBlue,
  abandoned: OKABE_ITO.vermillion,
  notAnsweredOtherwise: GREY,
  staffed: OKABE_ITO.blue,
  busy: OKABE_ITO.orange,
  offeredLoad: OKABE_ITO.reddishPurple,
  erlangRequirement: OKABE_ITO.black,
  offerAccepted: OKABE_ITO.bluishGreen,
  offerDeclined: OKABE_ITO.orange,
  offerExpired: OKABE_ITO.vermillion,
  offerRevoked: GREY,
} as const;

/**
 * One colour per verdict of a comparison (the differences chart): better and worse in the
 * outcomes' green and vermillion, a change without a direction in blue, no detectable
 * difference in the grey of "other", identical in black.
 */
export const VERDICT_COLOURS = {
  better: OKABE_ITO.bluishGreen,
  worse: OKABE_ITO.vermillion,
  changed: OKABE_ITO.blue,
  "no detectable difference": GREY,
  identical: OKABE_ITO.black,
} as const;

/** A labelled outcome and its colour, as the stacked charts list them. */
export interface ColouredOutcome {
  readonly label: string;
  readonly colour: string;
}

/**
 * The colour encoding of a stacked chart's `outcome` field: the outcomes' own colours, in their
 * order, with no legend title (the labels say it all).
 */
export function outcomeColourEncoding(outcomes: readonly ColouredOutcome[]) {
  return {
    field: "outcome",
    type: "nominal",
    title: null,
    scale: {
      domain: outcomes.map((outcome) => outcome.label),
      range: outcomes.map((outcome) => outcome.colour),
    },
  } as const;
}

/** `count` colours for categories, repeating the palette when there are more than eight. */
export function categoryColours(count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => CATEGORY_PALETTE[index % CATEGORY_PALETTE.length] as string,
  );
}

/** The config every spec carries, so a spec renders the same anywhere, without network. */
export const CHART_CONFIG: Config = {
  font: FONT,
  background: "white",
  padding: 8,
  // No per-mark ARIA descriptions: Vega-Lite formats x2 fields of them with local time,
  // which would make the SVG depend on the machine's time zone. The chart's description stays.
  aria: false,
  title: {
    anchor: "start",
    fontSize: 16,
    fontWeight: "bold",
    color: "#1A1A1A",
    subtitleFontSize: 12,
    subtitleColor: "#4D4D4D",
    subtitlePadding: 6,
    offset: 12,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    labelColor: "#333333",
    titleColor: "#333333",
    gridColor: "#E6E6E6",
    domainColor: "#999999",
    tickColor: "#999999",
  },
  legend: {
    orient: "top",
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: "normal",
    symbolStrokeWidth: 3,
    symbolSize: 120,
    // Bands are translucent; their key must not be.
    symbolOpacity: 1,
    // Vega's default (160 px) cuts labels such as "answered within 20 s" when it over-estimates
    // text widths; no label here is long enough to need a limit.
    labelLimit: 400,
  },
  header: { labelFontSize: 12, labelFontWeight: "bold", labelColor: "#1A1A1A" },
  view: { stroke: "#DDDDDD" },
  range: { category: [...CATEGORY_PALETTE] },
};

/** What frames every spec: its heading, the lines under it, and a description for readers. */
export interface ChartFrame {
  readonly title: string;
  readonly subtitle: readonly string[];
  /** The chart's one-sentence caption, kept in the SVG as its accessible description. */
  readonly description: string;
}

/** The top-level properties every spec shares: schema, config, title and description. */
export function frameOf(
  frame: ChartFrame,
): Pick<TopLevelSpec, "$schema" | "config" | "title" | "description"> {
  return {
    // A name for editors and validators only: nothing fetches it when rendering.
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    title: { text: frame.title, subtitle: frame.subtitle.flatMap((line) => wrapLine(line)) },
    description: frame.description,
  };
}
