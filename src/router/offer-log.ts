/**
 * What became of every offer, kept compactly (5 bytes per offer) so that resolved offer
 * records can be dropped while accept/decline of a stale offer still gets the service's answer
 * (Conflict when the job went to an accept, NotFound otherwise). Indexed by offer sequence.
 */

/** Outcome codes. */
export const OfferOutcome = {
  open: 1,
  accepted: 2,
  declined: 3,
  expired: 4,
  revoked: 5,
  /** Revoked because another offer of the job was accepted. */
  revokedByAccept: 6,
} as const;

/** One of the outcome codes. */
export type OfferOutcomeCode = (typeof OfferOutcome)[keyof typeof OfferOutcome];

/** Growable log of (outcome, worker index) per offer sequence. */
export class OfferLog {
  private outcomes = new Uint8Array(1024);
  private workers = new Int32Array(1024);

  /** Records the outcome of offer `sequence` held by worker `workerIndex`. */
  record(sequence: number, workerIndex: number, outcome: OfferOutcomeCode): void {
    if (sequence >= this.outcomes.length) this.grow(sequence);
    this.outcomes[sequence] = outcome;
    this.workers[sequence] = workerIndex;
  }

  /** The outcome of an offer, or 0 when the sequence was never issued. */
  outcome(sequence: number): number {
    return this.outcomes[sequence] ?? 0;
  }

  /** The worker index of an issued offer. */
  workerIndex(sequence: number): number {
    return this.workers[sequence] ?? -1;
  }

  private grow(sequence: number): void {
    let length = this.outcomes.length;
    while (length <= sequence) length *= 2;
    const outcomes = new Uint8Array(length);
    outcomes.set(this.outcomes);
    const workers = new Int32Array(length);
    workers.set(this.workers);
    this.outcomes = outcomes;
    this.workers = workers;
  }
}
