/**
 * Typed operation results with the service's error codes, instead of thrown exceptions: a
 * rejected operation (a second accept, a fourth unassign) is an ordinary outcome for a client.
 * Invariant: an operation that returns an error has changed nothing.
 */

/** The service's error codes used by the simulator (HTTP 404, 409 and 400). */
export type RouterErrorCode = "NotFound" | "Conflict" | "BadRequest";

/** Error body, as in the service's `communicationError`. */
export interface RouterError {
  readonly code: RouterErrorCode;
  readonly message: string;
  /** The service's finer code, where it gives one (`QueueExistsWithDistributionPolicy`). */
  readonly detailCode?: string;
}

/** Either the operation's value or the error that rejected it. */
export type RouterResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: RouterError };

/** A failed result, of any operation. */
export type RouterFailure = { readonly ok: false; readonly error: RouterError };

/** Result with no payload (cancel, complete, close, decline). */
export type EmptyResult = RouterResult<Record<string, never>>;

const EMPTY: Record<string, never> = Object.freeze({}) as Record<string, never>;
/** Shared: results are read-only, so one object serves every payload-free success. */
const OK_EMPTY: EmptyResult = Object.freeze({ ok: true, value: EMPTY });

/**
 * The options of an operation called without any: shared (they are only read), so a default
 * parameter does not allocate an empty object on every complete and close.
 */
export const NO_OPTIONS: Readonly<Record<string, never>> = EMPTY;

/** A successful result. */
export function ok<T>(value: T): RouterResult<T> {
  return { ok: true, value };
}

/** A successful result without payload. */
export function okEmpty(): EmptyResult {
  return OK_EMPTY;
}

/** A failed result. */
export function fail<T>(code: RouterErrorCode, message: string): RouterResult<T> {
  return failure(code, message);
}

/** A failed result with the service's finer code (a reference check's). */
export function failWithDetail<T>(
  code: RouterErrorCode,
  detailCode: string,
  message: string,
): RouterResult<T> {
  return { ok: false, error: { code, message, detailCode } };
}

/** A failed result, typed as a failure (for operations whose success is not a result object). */
export function failure(code: RouterErrorCode, message: string): RouterFailure {
  return { ok: false, error: { code, message } };
}
