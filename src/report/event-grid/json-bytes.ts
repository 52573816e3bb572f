/**
 * A JSON text writer straight into UTF-8 bytes, for the Event Grid stream's hot path: constant
 * fragments are pre-encoded, plain ASCII strings are copied a code unit at a time, and anything
 * else (escapes, non-ASCII, lone surrogates, nested objects) goes through `JSON.stringify`, so
 * every value reads exactly as `JSON.stringify` writes it. A full buffer is handed to the sink.
 */

/** Receives each filled part of the buffer (valid until the sink returns). */
export type ByteSink = (bytes: Uint8Array, length: number) => void;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const FIRST_PRINTABLE = 0x20;
const FIRST_NON_ASCII = 0x80;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const DIGIT_ZERO = 0x30;
/** Fragments from this length are copied with `set`, shorter ones through the views. */
const SET_FROM_BYTES = 28;

const encoder = new TextEncoder();

/**
 * Pre-encoded ASCII bytes (keys, punctuation, the envelope's constant parts, cached times), with
 * a view to copy them four bytes at a time.
 */
export class Fragment {
  readonly view: DataView;
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = bytes.length;
  }
}

/** Text that is only ASCII, as a fragment. */
export function asciiFragment(text: string): Fragment {
  const bytes = encoder.encode(text);
  if (bytes.length !== text.length) throw new RangeError(`not ASCII: ${text}`);
  return new Fragment(bytes);
}

const NULL = asciiFragment("null");
/** The two lowercase hex digits of each byte value, in a row. */
const HEX_PAIRS = encoder.encode(
  Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0")).join(""),
);
/** Each byte value's two hex digits as one little-endian 16-bit value (both bytes in one store). */
const HEX_PAIR_CODES = Uint16Array.from(
  { length: 256 },
  (_, byte) => (HEX_PAIRS[2 * byte] as number) | ((HEX_PAIRS[2 * byte + 1] as number) << 8),
);
const DASH = 0x2d;
/** A UUID's length: `8-4-4-4-12` hex digits. */
const UUID_BYTES = 36;
const TRUE = asciiFragment("true");
const FALSE = asciiFragment("false");

/** True when `text` is written as it is inside a JSON string: printable ASCII, no quote or backslash. */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < FIRST_PRINTABLE || code >= FIRST_NON_ASCII || code === QUOTE || code === BACKSLASH)
      return false;
  }
  return true;
}

const DOT = 0x2e;
const ZULU = 0x5a;
/** `HH:MM:SS.mmmZ`: the time of day that ends an ISO timestamp. */
export const TIME_OF_DAY_BYTES = 13;

/** Two decimal digits of 0..99 at `at`. */
function twoDigitsAt(bytes: Uint8Array, at: number, value: number): void {
  const tens = (value / 10) | 0;
  bytes[at] = DIGIT_ZERO + tens;
  bytes[at + 1] = DIGIT_ZERO + value - tens * 10;
}

/**
 * `HH:MM:SS.mmmZ` of `milliseconds` since midnight (a whole number in [0, 86,400,000)) at `at`:
 * the one place a timestamp's time of day is spelled, for a timestamp written in a fragment of
 * its own and one written in the line.
 */
export function writeTimeOfDayAt(bytes: Uint8Array, at: number, milliseconds: number): void {
  let rest = milliseconds;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  rest -= second * 1000;
  twoDigitsAt(bytes, at, hour);
  bytes[at + 2] = COLON;
  twoDigitsAt(bytes, at + 3, minute);
  bytes[at + 5] = COLON;
  twoDigitsAt(bytes, at + 6, second);
  bytes[at + 8] = DOT;
  const hundreds = Math.floor(rest / 100);
  bytes[at + 9] = DIGIT_ZERO + hundreds;
  twoDigitsAt(bytes, at + 10, rest - hundreds * 100);
  bytes[at + 12] = ZULU;
}

/** The two hex digits of `value`'s low byte, at `at`. */
function hexPair(view: DataView, at: number, value: number): void {
  view.setUint16(at, HEX_PAIR_CODES[value & 0xff] as number, true);
}

/** The eight hex digits of a 32-bit word, at `at`. */
function hexWord(view: DataView, at: number, value: number): void {
  hexPair(view, at, value >>> 24);
  hexPair(view, at + 2, value >>> 16);
  hexPair(view, at + 4, value >>> 8);
  hexPair(view, at + 6, value);
}

/** A growable byte buffer of JSON text, flushed to a sink when full (or kept, without one). */
export class JsonBytes {
  private bytes: Uint8Array;
  /** `bytes` as a view, to copy fragments four bytes at a time. */
  private view: DataView;
  /** Bytes written since the last flush. */
  length = 0;

  constructor(
    capacityBytes: number,
    private readonly sink: ByteSink | null = null,
  ) {
    this.bytes = new Uint8Array(capacityBytes);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Hands the bytes written so far to the sink and starts again. */
  flush(): void {
    if (this.sink === null || this.length === 0) return;
    this.sink(this.bytes, this.length);
    this.length = 0;
  }

  /** The text written so far, and a fresh start (for a writer without a sink). */
  takeText(): string {
    const text = new TextDecoder().decode(this.bytes.subarray(0, this.length));
    this.length = 0;
    return text;
  }

  /**
   * Makes room for `count` more bytes: flushes, or grows when a flush cannot make room. Callers
   * check first (`length + count > bytes.length`), so this stays out of the inlined hot path.
   */
  private makeRoom(count: number): void {
    this.flush();
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  /** Copies `fragment` at `at` (room checked); the position after it. */
  private copy(at: number, fragment: Fragment): number {
    const source = fragment.bytes;
    const count = source.length;
    // Measured (Node 20, x64): `set` costs the same at any length, as much as copying about
    // 28 bytes four at a time through the views, or 12 one at a time.
    if (count >= SET_FROM_BYTES) {
      this.bytes.set(source, at);
      return at + count;
    }
    const target = this.view;
    const sourceView = fragment.view;
    let i = 0;
    for (; i + 4 <= count; i += 4) target.setUint32(at + i, sourceView.getUint32(i, true), true);
    const bytes = this.bytes;
    for (; i < count; i++) bytes[at + i] = source[i] as number;
    return at + count;
  }

  /**
   * Writes `text` quoted at `at` (room for its length + 2 checked) when it is plain ASCII
   * needing no escape; the position after it, or -1 (text that needs `JSON.stringify`).
   */
  private plainString(at: number, text: string): number {
    const bytes = this.bytes;
    const count = text.length;
    bytes[at++] = QUOTE;
    for (let i = 0; i < count; i++) {
      const code = text.charCodeAt(i);
      if (code < FIRST_PRINTABLE || code >= FIRST_NON_ASCII || code === QUOTE || code === BACKSLASH)
        return -1;
      bytes[at++] = code;
    }
    bytes[at] = QUOTE;
    return at + 1;
  }

  /**
   * Makes sure the next `count` bytes fit without a flush, so that a caller may take back what
   * it wrote (by resetting `length`) within them.
   */
  room(count: number): void {
    if (this.length + count > this.bytes.length) this.makeRoom(count);
  }

  /**
   * Writes `text` as it is (no quotes) if it is plain ASCII needing no escape, and says whether
   * it was; a false leaves part of it written, for the caller to take back (see `room`).
   */
  plainText(text: string): boolean {
    const count = text.length;
    if (this.length + count > this.bytes.length) this.makeRoom(count);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < count; i++) {
      const code = text.charCodeAt(i);
      if (code < FIRST_PRINTABLE || code >= FIRST_NON_ASCII || code === QUOTE || code === BACKSLASH)
        return false;
      bytes[at++] = code;
    }
    this.length = at;
    return true;
  }

  /** Pre-encoded ASCII bytes. */
  raw(fragment: Fragment): void {
    const count = fragment.bytes.length;
    if (this.length + count > this.bytes.length) this.makeRoom(count);
    this.length = this.copy(this.length, fragment);
  }

  /** Bytes `from` to `to` of what was written, as a fragment of their own. */
  fragmentOf(from: number, to: number): Fragment {
    return new Fragment(this.bytes.slice(from, to));
  }

  /** Text known to be plain ASCII (hex, digits, ISO times). */
  ascii(text: string): void {
    const count = text.length;
    if (this.length + count > this.bytes.length) this.makeRoom(count);
    const bytes = this.bytes;
    const start = this.length;
    for (let i = 0; i < count; i++) bytes[start + i] = text.charCodeAt(i);
    this.length = start + count;
  }

  /** One ASCII byte. */
  byte(code: number): void {
    if (this.length >= this.bytes.length) this.makeRoom(1);
    this.bytes[this.length++] = code;
  }

  /** A UUID (`8-4-4-4-12` lowercase hex digits) of four 32-bit words, in one pass. */
  uuid(first: number, second: number, third: number, fourth: number): void {
    if (this.length + UUID_BYTES > this.bytes.length) this.makeRoom(UUID_BYTES);
    const view = this.view;
    const at = this.length;
    hexWord(view, at, first);
    view.setUint8(at + 8, DASH);
    hexPair(view, at + 9, second >>> 24);
    hexPair(view, at + 11, second >>> 16);
    view.setUint8(at + 13, DASH);
    hexPair(view, at + 14, second >>> 8);
    hexPair(view, at + 16, second);
    view.setUint8(at + 18, DASH);
    hexPair(view, at + 19, third >>> 24);
    hexPair(view, at + 21, third >>> 16);
    view.setUint8(at + 23, DASH);
    hexPair(view, at + 24, third >>> 8);
    hexPair(view, at + 26, third);
    hexWord(view, at + 28, fourth);
    this.length = at + UUID_BYTES;
  }

  /**
   * The bytes written so far, and a fresh start (for a writer without a sink): copied into
   * `reuse` when they fit it exactly (no allocation), else into a new array.
   */
  takeFragment(reuse: Fragment): Fragment {
    const count = this.length;
    this.length = 0;
    if (reuse.bytes.length !== count) return new Fragment(this.bytes.slice(0, count));
    for (let i = 0; i < count; i++) reuse.bytes[i] = this.bytes[i] as number;
    return reuse;
  }

  /** Two decimal digits of 0..99. */
  twoDigits(value: number): void {
    if (this.length + 2 > this.bytes.length) this.makeRoom(2);
    twoDigitsAt(this.bytes, this.length, value);
    this.length += 2;
  }

  /** `HH:MM:SS.mmmZ` of `milliseconds` since midnight (see `writeTimeOfDayAt`). */
  timeOfDay(milliseconds: number): void {
    if (this.length + TIME_OF_DAY_BYTES > this.bytes.length) this.makeRoom(TIME_OF_DAY_BYTES);
    writeTimeOfDayAt(this.bytes, this.length, milliseconds);
    this.length += TIME_OF_DAY_BYTES;
  }

  /** A JSON string literal of `text`, as `JSON.stringify(text)`. */
  string(text: string): void {
    const room = text.length + 2;
    if (this.length + room > this.bytes.length) this.makeRoom(room);
    const end = this.plainString(this.length, text);
    if (end < 0) this.encoded(JSON.stringify(text));
    else this.length = end;
  }

  /** A member `key` (pre-encoded `,"name":`) with a string value. */
  stringField(key: Fragment, text: string): void {
    const room = key.bytes.length + text.length + 2;
    if (this.length + room > this.bytes.length) this.makeRoom(room);
    const afterKey = this.copy(this.length, key);
    const end = this.plainString(afterKey, text);
    if (end >= 0) {
      this.length = end;
    } else {
      this.length = afterKey;
      this.encoded(JSON.stringify(text));
    }
  }

  /** A member `key` with a string or null. */
  nullableStringField(key: Fragment, text: string | null): void {
    if (text === null) {
      this.raw(key);
      this.raw(NULL);
    } else {
      this.stringField(key, text);
    }
  }

  /** A member `key` with a number. */
  numberField(key: Fragment, value: number): void {
    this.raw(key);
    this.number(value);
  }

  /** A member `key` with a flat object (labels, tags). */
  objectField(key: Fragment, fields: Readonly<Record<string, unknown>>): void {
    this.raw(key);
    this.object(fields);
  }

  /** A number as `JSON.stringify` writes it (non-finite → null). */
  number(value: number): void {
    if (value >= 0 && value < 100 && (value | 0) === value) {
      if (value < 10) this.byte(DIGIT_ZERO + value);
      else this.twoDigits(value);
    } else if (Number.isFinite(value)) {
      this.ascii(String(value));
    } else {
      this.raw(NULL);
    }
  }

  /** A number or null. */
  nullableNumber(value: number | null): void {
    if (value === null) this.raw(NULL);
    else this.number(value);
  }

  boolean(value: boolean): void {
    this.raw(value ? TRUE : FALSE);
  }

  /**
   * `"key":value` as an object member of `JSON.stringify` (a comma first unless `first`); false,
   * and nothing written, when the value writes nothing there (undefined, a function).
   */
  member(key: string, value: unknown, first: boolean): boolean {
    switch (typeof value) {
      case "string":
        this.memberKey(key, first);
        this.string(value);
        return true;
      case "number":
        this.memberKey(key, first);
        this.number(value);
        return true;
      case "boolean":
        this.memberKey(key, first);
        this.boolean(value);
        return true;
      default: {
        const text: string | undefined = JSON.stringify(value);
        if (text === undefined) return false;
        this.memberKey(key, first);
        this.encoded(text);
        return true;
      }
    }
  }

  /**
   * A flat object of JSON values (labels, tags) in its own key order, as `JSON.stringify`
   * writes it: members whose value writes nothing are left out.
   */
  object(fields: Readonly<Record<string, unknown>>): void {
    this.byte(OPEN_BRACE);
    let first = true;
    for (const key in fields) {
      if (Object.hasOwn(fields, key) && this.member(key, fields[key], first)) first = false;
    }
    this.byte(CLOSE_BRACE);
  }

  private memberKey(key: string, first: boolean): void {
    if (!first) this.byte(COMMA);
    this.string(key);
    this.byte(COLON);
  }

  /** Punctuation. */
  comma(): void {
    this.byte(COMMA);
  }

  openArray(): void {
    this.byte(OPEN_BRACKET);
  }

  closeArray(): void {
    this.byte(CLOSE_BRACKET);
  }

  closeObject(): void {
    this.byte(CLOSE_BRACE);
  }

  /** Text of any kind, UTF-8 encoded. */
  private encoded(text: string): void {
    // Every UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.length + text.length * 3 > this.bytes.length) this.makeRoom(text.length * 3);
    const { written } = encoder.encodeInto(text, this.bytes.subarray(this.length));
    this.length += written;
  }
}
