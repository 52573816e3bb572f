/**
 * The error of router configuration: a resource that cannot be configured as given (an unknown
 * reference, a number out of range, an unparsable rule). These are programming errors of the
 * caller, since the scenario layer validates user input first, so they are thrown.
 */

/** A router resource that cannot be configured as given. */
export class RouterConfigError extends Error {
  override name = "RouterConfigError";
}
