/**
 * What the service answers, in the service's terms: a status, a JSON body and headers, and
 * errors in its shape (`{"communicationError": {code, message, target, details}}` with the code
 * also in `x-ms-error-code`). Shared by the service, its operations and the HTTP side.
 */
import type { RouterError, RouterResult } from "../router/results.ts";
import type { Conditions } from "./etags.ts";
import type { JsonObject } from "./wire.ts";

/** The one API version served (the SDKs send theirs as `api-version`). */
export const API_VERSION = "2023-11-01";

/** A request as the service reads it. */
export interface ServiceRequest {
  readonly method: string;
  /** The path, still percent-encoded, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The parsed JSON body; undefined when there is none. */
  readonly body: unknown;
  /** `If-Match` and `If-None-Match`, when sent. */
  readonly conditions?: Conditions;
}

/** An answer: its status and JSON body (none for 204). */
export interface ServiceResponse {
  readonly status: number;
  readonly body?: JsonObject;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The HTTP status of each error code the service answers with. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  NotFound: 404,
  MethodNotAllowed: 405,
  Conflict: 409,
  PreconditionFailed: 412,
};

/** An error in the service's shape (`communicationError`, and the `x-ms-error-code` header). */
export function errorResponse(
  code: string,
  message: string,
  target?: string,
  detailCode?: string,
): ServiceResponse {
  return {
    status: STATUS_OF_CODE[code] ?? 400,
    body: {
      communicationError: {
        code,
        message,
        ...(target === undefined ? {} : { target }),
        details: detailCode === undefined ? [] : [{ code: detailCode, message }],
      },
    },
    headers: { "x-ms-error-code": code },
  };
}

/** A router's refusal as an answer: its code, message and finer code. */
export function refusal(error: RouterError): ServiceResponse {
  return errorResponse(error.code, error.message, undefined, error.detailCode);
}

/** A router result as an answer: its value through `toBody`, or its error. */
export function answer<T>(
  result: RouterResult<T>,
  toBody: (value: T) => JsonObject,
): ServiceResponse {
  return result.ok ? { status: 200, body: toBody(result.value) } : refusal(result.error);
}

export const EMPTY_BODY: JsonObject = {};
