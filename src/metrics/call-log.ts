/**
 * The router's observer calls the collector has heard but not yet applied to its books, in the
 * order they came, a row each: the call, its time, the job slot and one handle, index or flag
 * (four numbers), or for an offer issued or accepted the offer, worker, queue and channel
 * (seven). What the router's view says of the job (its arrival stream, from its id, and its
 * channel) is in the row as a number, taken when the call was made, since a job slot may name
 * another job by the time the row is applied. Applying a full log is one loop over the rows
 * (see collector.ts for why).
 */
import { objectArray } from "../collections/object-array.ts";
import type { MetricsBooks } from "./books.ts";

/** The calls the log holds (its rows' first number). */
export const LoggedCall = {
  jobReceived: 0,
  jobClassified: 1,
  jobClassificationFailed: 2,
  jobQueued: 3,
  jobWaitingForActivation: 4,
  jobUnassigned: 5,
  jobCompleted: 6,
  jobClosed: 7,
  jobCancelled: 8,
  jobExceptionTriggered: 9,
  offerIssued: 10,
  offerAccepted: 11,
  offerDeclined: 12,
  offerExpired: 13,
  offerRevoked: 14,
} as const;

/** Numbers in a row of one argument (`append`) and of an offer (`appendOffer`). */
const SHORT_ROW = 4;
const OFFER_ROW = 7;
const CALL = 0;
const TIME = 1;
const SLOT = 2;
const FIRST = 3;
const SECOND = 4;
const THIRD = 5;
const FOURTH = 6;

/**
 * Channel ids as small numbers for the log's rows, in order of first sight. A job's channel is
 * asked of the view for every offer, and the router passes the same string for a channel each
 * time, so most lookups end at the first comparison.
 */
export class ChannelIndex {
  /**
   * Born of the general elements kind (objectArray): a `[]` changed kind at its first id, and
   * the code pushing it, optimized in an earlier replication, deoptimized in each new one
   * ("not a Smi", in the observers' `offerIssued`).
   */
  private readonly ids: string[] = objectArray();
  private readonly indexById = new Map<string, number>();
  private lastId: string | null = null;
  private lastIndex = -1;

  /** The number of a channel id (given one at first sight). */
  indexOf(channelId: string): number {
    if (channelId === this.lastId) return this.lastIndex;
    let index = this.indexById.get(channelId);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(channelId);
      this.indexById.set(channelId, index);
    }
    this.lastId = channelId;
    this.lastIndex = index;
    return index;
  }

  /** The channel id of a number `indexOf` gave. */
  idOf(index: number): string {
    return this.ids[index] as string;
  }
}

/** See the module header. */
export class CallLog {
  private readonly numbers: Float64Array;
  /** Index in `numbers` of the next free row. */
  private end = 0;
  /** Once `end` is past this, the next row might not fit: the log is full. */
  private readonly lastStart: number;

  constructor(
    readonly capacity: number,
    private readonly channels: ChannelIndex,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`a call log holds at least one call, not ${capacity}`);
    }
    // Room for `capacity` rows of the longer kind; shorter rows let more in.
    this.numbers = new Float64Array(capacity * OFFER_ROW);
    this.lastStart = this.numbers.length - OFFER_ROW;
  }

  /** Whether no call is held. */
  get isEmpty(): boolean {
    return this.end === 0;
  }

  /**
   * Adds a call other than offerIssued or offerAccepted; returns true when the log is then full
   * (apply it before the next call). `first` is per call: arrival stream index for jobReceived;
   * queue handle for jobQueued; worker handle for jobCompleted; offer for offerDeclined,
   * offerExpired and offerRevoked; 1 when abandoned for jobCancelled; unused (0) otherwise.
   */
  append(call: number, time: number, slot: number, first: number): boolean {
    const numbers = this.numbers;
    const at = this.end;
    numbers[at + CALL] = call;
    numbers[at + TIME] = time;
    numbers[at + SLOT] = slot;
    numbers[at + FIRST] = first;
    this.end = at + SHORT_ROW;
    return this.end > this.lastStart;
  }

  /**
   * Adds an offerIssued or offerAccepted call: the offer, worker and queue handles and the job's
   * channel (its `ChannelIndex` number). Returns true when the log is then full.
   */
  appendOffer(
    call: number,
    time: number,
    slot: number,
    offer: number,
    worker: number,
    queue: number,
    channel: number,
  ): boolean {
    const numbers = this.numbers;
    const at = this.end;
    numbers[at + CALL] = call;
    numbers[at + TIME] = time;
    numbers[at + SLOT] = slot;
    numbers[at + FIRST] = offer;
    numbers[at + SECOND] = worker;
    numbers[at + THIRD] = queue;
    numbers[at + FOURTH] = channel;
    this.end = at + OFFER_ROW;
    return this.end > this.lastStart;
  }

  /** Applies every row to `books`, oldest first, and empties the log. */
  applyTo(books: MetricsBooks): void {
    const numbers = this.numbers;
    const channels = this.channels;
    const end = this.end;
    // Emptied first: a call that throws leaves no row to be applied twice.
    this.end = 0;
    // The calls every job makes are applied here, the others in `applyOther`: a smaller loop
    // leaves V8 room to inline the books' methods of the common calls into it.
    for (let at = 0; at < end; ) {
      const row = at;
      const call = numbers[row + CALL] as number;
      const time = numbers[row + TIME] as number;
      const slot = numbers[row + SLOT] as number;
      const first = numbers[row + FIRST] as number;
      const offerRow = call === LoggedCall.offerIssued || call === LoggedCall.offerAccepted;
      at += offerRow ? OFFER_ROW : SHORT_ROW;
      switch (call) {
        case LoggedCall.jobReceived:
          books.jobReceived(time, slot, first);
          break;
        case LoggedCall.jobClassified:
          books.jobClassified(slot);
          break;
        case LoggedCall.jobQueued:
          books.jobQueued(time, slot, first);
          break;
        case LoggedCall.offerIssued: {
          const worker = numbers[row + SECOND] as number;
          const queue = numbers[row + THIRD] as number;
          const channelId = channels.idOf(numbers[row + FOURTH] as number);
          books.offerIssued(time, slot, first, worker, queue, channelId);
          break;
        }
        case LoggedCall.offerAccepted: {
          const worker = numbers[row + SECOND] as number;
          const queue = numbers[row + THIRD] as number;
          const channelId = channels.idOf(numbers[row + FOURTH] as number);
          books.offerAccepted(time, slot, first, worker, queue, channelId);
          break;
        }
        case LoggedCall.jobCompleted:
          books.jobCompleted(time, slot, first);
          break;
        case LoggedCall.jobClosed:
          books.jobClosed(time, slot);
          break;
        default:
          applyOther(books, call, time, slot, first);
      }
    }
  }
}

/** Applies a row of a call other than the common ones (`first`: the row's first argument). */
function applyOther(
  books: MetricsBooks,
  call: number,
  time: number,
  slot: number,
  first: number,
): void {
  switch (call) {
    case LoggedCall.jobClassificationFailed:
      books.jobClassificationFailed(time, slot);
      break;
    case LoggedCall.jobWaitingForActivation:
      books.jobWaitingForActivation(time, slot);
      break;
    case LoggedCall.jobUnassigned:
      books.jobUnassigned(time, slot);
      break;
    case LoggedCall.jobCancelled:
      books.jobCancelled(time, slot, first === 1);
      break;
    case LoggedCall.jobExceptionTriggered:
      books.jobExceptionTriggered(slot);
      break;
    case LoggedCall.offerDeclined:
      books.offerDeclined(time, slot, first);
      break;
    case LoggedCall.offerExpired:
      books.offerExpired(time, slot, first);
      break;
    case LoggedCall.offerRevoked:
      books.offerRevoked(time, slot, first);
      break;
    default:
      throw new Error(`unknown logged call ${call}`);
  }
}
