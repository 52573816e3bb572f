/**
 * Router results the world counts on. The world calls an operation only when its model of the
 * service says the operation must succeed; a refusal then means the world and the router
 * disagree — a bug in ccsim — and must stop the run with an InternalError rather than leave a
 * job or a person silently stuck. Refusals the world does expect are handled at their call site.
 */
import { InternalError } from "../errors.ts";
import type { RouterError, RouterResult } from "../router/index.ts";

/** The router refused an operation the world's model says it cannot refuse. */
export class UnexpectedRouterRefusal extends InternalError {}

/**
 * The operation's value; throws UnexpectedRouterRefusal naming the operation, its subject
 * (`job <id>, worker <id>, …`), the router's error code and message when it was refused.
 */
export function mustSucceed<T>(result: RouterResult<T>, operation: string, subject: string): T {
  if (result.ok) return result.value;
  return refused(result, operation, subject);
}

/**
 * Throws UnexpectedRouterRefusal for a refused result, like `mustSucceed`; for hot call sites,
 * which test `result.ok` themselves so that the subject is formatted only on a refusal.
 */
export function refused(
  result: { readonly ok: false; readonly error: RouterError },
  operation: string,
  subject: string,
): never {
  throw new UnexpectedRouterRefusal(
    `the router refused ${operation} (${subject}): ${result.error.code}: ${result.error.message}; the world expected it to succeed`,
  );
}
