/**
 * A model warning before it is located in the file: the document path of the field a user
 * should change, a message and an optional remedy. Shared by the stream and worker checks.
 */

/** A warning at a document path (`atKey`: at the key itself rather than its value). */
export interface ModelWarning {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint?: string;
  readonly atKey?: boolean;
}

/** `"a", "b", "c"`, at most `limit` items then `…`. */
export function quotedList(items: readonly string[], limit = 8): string {
  const shown = items.slice(0, limit).map((item) => JSON.stringify(item));
  return items.length > limit ? `${shown.join(", ")}, …` : shown.join(", ");
}

/** A number of seconds as messages show it, in the largest whole unit: `8h`, `90s`, `1.5s`. */
export function seconds(value: number): string {
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (value >= size && Number.isInteger(value / size)) return `${value / size}${unit}`;
  }
  return `${value}s`;
}
