/** The axis titles a Vega-Lite spec names (x and y, in every layer and facet), for the tests
 * that check each drawn chart shows them. */

/** Every string `title` of an `x` or `y` encoding anywhere in `spec`. */
export function axisTitlesOf(spec: unknown): string[] {
  const titles = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const element of node) visit(element);
    } else if (typeof node === "object" && node !== null) {
      const record = node as Record<string, unknown>;
      for (const channel of ["x", "y"]) {
        const title = (record[channel] as { title?: unknown } | undefined)?.title;
        if (typeof title === "string") titles.add(title);
      }
      for (const child of Object.values(record)) visit(child);
    }
  };
  visit(spec);
  return [...titles];
}
