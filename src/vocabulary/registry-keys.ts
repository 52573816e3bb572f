/**
 * The names of a vocabulary registry (an `as const` record keyed by API name): its keys in
 * declaration order, and a guard for them. One definition for every registry in this folder.
 */

/** The registry's keys in declaration order, frozen; a non-empty tuple for zod's `enum`. */
export function keysOf<Key extends string>(
  registry: Readonly<Record<Key, unknown>>,
): readonly [Key, ...Key[]] {
  return Object.freeze(Object.keys(registry) as Key[]) as readonly [Key, ...Key[]];
}

/** Whether `value` is one of the registry's own keys (so `toString` is not one). */
export function isKeyOf<Key extends string>(
  registry: Readonly<Record<Key, unknown>>,
  value: unknown,
): value is Key {
  return typeof value === "string" && Object.hasOwn(registry, value);
}
