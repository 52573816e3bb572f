/**
 * Reading chart specs in tests: compile one with a logger that keeps every warning, and get at
 * its inline data rows, subtitle and layers without caring whether it is faceted.
 */
import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";

type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

/** A spec compiled to Vega, with every warning and error Vega-Lite logged. */
export function compileLogged(spec: TopLevelSpec): {
  vega: ReturnType<typeof compile>["spec"];
  messages: string[];
} {
  const messages: string[] = [];
  let level = 0;
  const logger: Logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      messages.push(`error: ${args.join(" ")}`);
      return logger;
    },
    warn(...args: unknown[]) {
      messages.push(`warning: ${args.join(" ")}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return { vega: compile(spec, { logger }).spec, messages };
}

/** One inline data row. */
export type Row = Record<string, unknown>;

/** The inline data rows of a spec. */
export function rowsOf(spec: TopLevelSpec): Row[] {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (data === undefined || !Array.isArray(data.values)) throw new Error("no inline data");
  return data.values as Row[];
}

/** The rows of one `kind`. */
export function rowsOfKind(spec: TopLevelSpec, kind: string): Row[] {
  return rowsOf(spec).filter((row) => row.kind === kind);
}

/** The subtitle lines of a spec. */
export function subtitleOf(spec: TopLevelSpec): string[] {
  const title = (spec as { title?: { subtitle?: string | string[] } }).title;
  const subtitle = title?.subtitle ?? [];
  return Array.isArray(subtitle) ? subtitle : [subtitle];
}

/** Whether a spec is small multiples (faceted). */
export function isFaceted(spec: TopLevelSpec): boolean {
  return "facet" in spec;
}

/** Every unit (mark) spec in a spec's layers, nested layers and facet included. */
export function marksOf(spec: unknown): { mark: unknown; encoding?: Record<string, unknown> }[] {
  if (spec === null || typeof spec !== "object") return [];
  const node = spec as Record<string, unknown>;
  if ("mark" in node) return [node as { mark: unknown; encoding?: Record<string, unknown> }];
  const children = [
    ...(Array.isArray(node.layer) ? node.layer : []),
    ...("spec" in node ? [node.spec] : []),
  ];
  return children.flatMap((child) => marksOf(child));
}

/** The type of a mark, whether written as a string or an object. */
export function markType(mark: unknown): string {
  return typeof mark === "string" ? mark : String((mark as { type: unknown }).type);
}

/** Every number anywhere in a JSON-like value. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap((child) => numbersIn(child));
}
