/**
 * Local time in a compiled Vega spec. A `time` scale, a local time unit or a `timeFormat` label
 * follows the time zone of the machine that renders, so the same run would draw 08:00 in London
 * and 09:00 in Paris; every time in ccsim's charts is UTC (`utc` scales, `utc…` time units), and
 * a spec that is not is a bug to fix in the spec. One exception is vega-lite's, not the spec's:
 * 6.4 formats an `x2` field with `timeFormat` in a mark's screen-reader `description` (and
 * `tooltip`) even on a utc scale; {@link withUtcDescriptions} rewrites those to `utcFormat`, so
 * the SVG's bytes do not depend on the machine's zone either.
 */

/** A Vega expression or format that reads the machine's time zone (`utc…` ones do not). */
const LOCAL_TIME_CALL = /\b(timeFormat|timeParse|timeOffset|timeSequence)\(/;

/** Mark encodings only read aloud or on hover, where vega-lite writes `timeFormat` itself. */
const DESCRIPTION_KEYS: ReadonlySet<string> = new Set(["description", "tooltip"]);

/** What in a compiled Vega spec uses local time, one phrase each; empty when all is UTC. */
export function localTimeUsesOf(vegaSpec: unknown): string[] {
  const uses: string[] = [];
  visit(vegaSpec, (node) => {
    if (node.type === "time" && typeof node.name === "string" && "domain" in node) {
      uses.push(`scale "${node.name}" has type "time" (local); give it scale: { type: "utc" }`);
    }
    if (node.type === "timeunit" && node.timezone !== "utc") {
      uses.push(`a time unit in local time (${JSON.stringify(node.units)}); use a utc… time unit`);
    }
    if (node.formatType === "time") uses.push(`a label with formatType "time"; use "utc"`);
    for (const value of Object.values(node)) {
      if (typeof value === "string" && LOCAL_TIME_CALL.test(value)) {
        uses.push(`the expression ${JSON.stringify(value.slice(0, 80))} formats in local time`);
      }
    }
  });
  return [...new Set(uses)];
}

/**
 * `vegaSpec` with `timeFormat(` turned into `utcFormat(` inside marks' `description` and
 * `tooltip` encodings (a copy; the rest is shared). Call it on a spec whose scales are all UTC.
 */
export function withUtcDescriptions<T>(vegaSpec: T): T {
  return rewrite(vegaSpec, false) as T;
}

function rewrite(value: unknown, inDescription: boolean): unknown {
  if (typeof value === "string") {
    return inDescription ? value.replace(/\btimeFormat\(/g, "utcFormat(") : value;
  }
  if (Array.isArray(value)) return value.map((element) => rewrite(element, inDescription));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      rewrite(child, inDescription || DESCRIPTION_KEYS.has(key)),
    ]),
  );
}

function visit(value: unknown, onObject: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) visit(element, onObject);
  } else if (typeof value === "object" && value !== null) {
    const node = value as Record<string, unknown>;
    onObject(node);
    for (const child of Object.values(node)) visit(child, onObject);
  }
}
