/**
 * What became of an offer: `open` until it is accepted, declined, expired or revoked. A
 * resolved offer keeps its outcome while its job lives, so that accept/decline of a stale offer
 * still gets the service's answer (Conflict when the job went to an accept, NotFound otherwise).
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
