/**
 * A vega/vega-lite logger that keeps warnings and errors instead of printing them: below cli/
 * nothing writes to the console, and a warning (a dropped format, an unknown field) means the
 * spec does not draw what it says, which the caller turns into an error.
 */

/** The logger interface of vega-util, which vega and vega-lite both take. */
export interface CollectingLogger {
  level(level?: number): number | CollectingLogger;
  error(...args: unknown[]): CollectingLogger;
  warn(...args: unknown[]): CollectingLogger;
  info(...args: unknown[]): CollectingLogger;
  debug(...args: unknown[]): CollectingLogger;
  /** Every warning and error so far, as text. */
  readonly messages: string[];
}

/** vega-util's Warn level: warnings and errors are reported, info and debug are not. */
const WARN_LEVEL = 2;

/** A logger that collects warnings and errors in `messages`. */
export function collectingLogger(): CollectingLogger {
  const messages: string[] = [];
  const keep = (kind: string) =>
    function (this: CollectingLogger, ...args: unknown[]) {
      messages.push(`${kind}: ${args.map(String).join(" ")}`);
      return logger;
    };
  const logger: CollectingLogger = {
    level: (level?: number) => (level === undefined ? WARN_LEVEL : logger),
    error: keep("error"),
    warn: keep("warning"),
    info: () => logger,
    debug: () => logger,
    messages,
  };
  return logger;
}
