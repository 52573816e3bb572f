/**
 * Makes the ids of one SVG unique in a page that inlines several: vega names clip paths and
 * gradients `clip1`, `gradient_0`… from process-wide counters, so two inlined charts would share
 * an id and one would clip with the other's path. Every id becomes `<prefix>-<id>`, with every
 * reference to it (`url(#…)`, `href="#…"`).
 */

const ID_ATTRIBUTE = /\sid="([^"]+)"/g;

/** `svg` with each id and its references prefixed by `prefix` and a hyphen. */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(ID_ATTRIBUTE)].map((match) => match[1] ?? ""));
  if (ids.size === 0) return svg;
  const renamed = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(ID_ATTRIBUTE, (_whole, id: string) => ` id="${renamed(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_whole, id: string) => `url(#${renamed(id)})`)
    .replace(/href="#([^"]+)"/g, (_whole, id: string) => `href="#${renamed(id)}"`);
}
