/** The part of opentype.js 2.0 (which ships no types) that scripts/parse-arimo.ts uses. */
declare module "opentype.js" {
  interface Glyph {
    readonly index: number;
    readonly advanceWidth: number;
  }
  interface Font {
    readonly unitsPerEm: number;
    charToGlyph(character: string): Glyph;
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
