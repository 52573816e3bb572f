/**
 * Catches local time in a compiled Vega spec. A `time` scale, a local time unit or a
 * `timeFormat` label follows the time zone of the machine that renders, so the same run would
 * draw 08:00 in London and 09:00 in Paris; every time in ccsim's charts is UTC (`utc` scales,
 * `utc…` time units), and a spec that is not is a bug to fix in the spec. Not checked: the
 * screen-reader `description` and `tooltip` of marks, where vega-lite 6.4 formats an `x2` field
 * with `timeFormat` even on a utc scale (its bug, not the spec's; nothing visible depends on it).
 */

/** A Vega expression or format that reads the machine's time zone (`utc…` ones do not). */
const LOCAL_TIME_CALL = /\b(timeFormat|timeParse|timeOffset|timeSequence)\(/;

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

/** Mark encodings only read aloud or on hover, left out of the check (see the header). */
const UNCHECKED_KEYS: ReadonlySet<string> = new Set(["description", "tooltip"]);

function visit(value: unknown, onObject: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) visit(element, onObject);
  } else if (typeof value === "object" && value !== null) {
    const node = value as Record<string, unknown>;
    onObject(node);
    for (const [key, child] of Object.entries(node)) {
      if (!UNCHECKED_KEYS.has(key)) visit(child, onObject);
    }
  }
}
