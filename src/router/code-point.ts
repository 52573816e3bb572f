/**
 * Unicode code-point order for strings (§8 p). JS `<` compares UTF-16 code units, which puts
 * astral characters (surrogate pairs, 0xD800–0xDFFF) before U+E000–U+FFFF; this module fixes
 * that up. Invariant: the order is total and agrees with `<` on strings without surrogates.
 */

/** Moves surrogates above U+E000–U+FFFF so that code-unit order becomes code-point order. */
function fixUp(codeUnit: number): number {
  if (codeUnit < 0xd800) return codeUnit;
  return codeUnit >= 0xe000 ? codeUnit - 0x800 : codeUnit + 0x2000;
}

/** Compares two strings in Unicode code-point order: negative, zero or positive. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const unitA = a.charCodeAt(i);
    const unitB = b.charCodeAt(i);
    if (unitA !== unitB) return fixUp(unitA) - fixUp(unitB);
  }
  return a.length - b.length;
}
