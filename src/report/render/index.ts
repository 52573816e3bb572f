/**
 * Drawing charts in Node: Vega-Lite specs to SVG (vega, headless, with Arimo's text widths) and
 * SVG to PNG (resvg). Loads vega, vega-lite and resvg: import it lazily (`await import`) so
 * that commands without charts do not pay for them.
 */
export { renderPng } from "./render-png.ts";
export { CHART_FONT_FAMILY, ChartSpecError, renderSvg, withChartFont } from "./render-svg.ts";
export { arimoTextWidth, FALLBACK_ADVANCE_EM } from "./text-width.ts";
