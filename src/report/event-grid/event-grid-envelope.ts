/**
 * The constant text of every line's envelope (output contract §6): `{"id":"…","eventType":…,
 * "subject":…,"eventTime":"…","data":{…},"dataVersion":"1.0","metadataVersion":"1"}`, encoded once.
 */
import type { RouterEvent } from "../../router/events/events.ts";
import { asciiFragment, type Fragment } from "./json-bytes.ts";

export const ID_OPEN = asciiFragment('{"id":"');
/** After the subject's closing quote. */
export const EVENT_TIME = asciiFragment(',"eventTime":"');
/** After the event time's digits, before the data object. */
export const DATA_TEXT = '","data":';
export const DATA = asciiFragment(DATA_TEXT);
/** After the data's closing brace. */
export const LINE_END = asciiFragment(',"dataVersion":"1.0","metadataVersion":"1"}\n');

/** Every event type (the compiler checks the list is complete). */
const EVENT_TYPES: Readonly<Record<RouterEvent["type"], true>> = {
  RouterJobReceived: true,
  RouterJobClassified: true,
  RouterJobClassificationFailed: true,
  RouterJobQueued: true,
  RouterJobUnassigned: true,
  RouterJobCompleted: true,
  RouterJobClosed: true,
  RouterJobCancelled: true,
  RouterJobExceptionTriggered: true,
  RouterJobWorkerSelectorsExpired: true,
  RouterJobWaitingForActivation: true,
  RouterWorkerOfferIssued: true,
  RouterWorkerOfferAccepted: true,
  RouterWorkerOfferDeclined: true,
  RouterWorkerOfferRevoked: true,
  RouterWorkerOfferExpired: true,
  RouterWorkerRegistered: true,
  RouterWorkerDeregistered: true,
};

/** `","eventType":"Microsoft.Communication.{type}","subject":`. */
export function eventTypeText(type: RouterEvent["type"]): string {
  return `","eventType":"Microsoft.Communication.${type}","subject":`;
}

/** `eventTypeText` of each event type, encoded once. */
export const EVENT_TYPE_PARTS = Object.fromEntries(
  Object.keys(EVENT_TYPES).map((type) => [
    type,
    asciiFragment(eventTypeText(type as RouterEvent["type"])),
  ]),
) as Readonly<Record<RouterEvent["type"], Fragment>>;

/** The subject's closing quote and `,"eventTime":"`, in one. */
export const SUBJECT_END = asciiFragment('","eventTime":"');
