/**
 * Event Grid webhook subscriptions of `ccsim serve`: the service's events pushed to an HTTP
 * endpoint as Event Grid pushes them. First the subscription validation handshake (a
 * `Microsoft.EventGrid.SubscriptionValidationEvent` whose `validationCode` the endpoint must echo
 * as `{"validationResponse": …}`); then the events, in order, as JSON arrays of at most
 * `maxEventsPerBatch`, one request in flight at a time, each retried after a failure (no answer,
 * or a status other than 2xx) with growing delays until `retryDelaysMs` runs out, after which
 * that batch is dropped and reported (Event Grid would dead-letter it). Headers as Event Grid
 * sends them: `aeg-event-type` (SubscriptionValidation or Notification), `aeg-subscription-name`
 * and `aeg-delivery-count`. Real time and the network: this module is the serve command's I/O.
 */
import { randomUUID } from "node:crypto";

/** How a subscription delivers. */
export interface WebhookOptions {
  readonly url: string;
  /** The subscription's name, sent as `aeg-subscription-name`. */
  readonly name: string;
  readonly maxEventsPerBatch: number;
  /** The delays before each retry of a failed request; its length is the retries allowed. */
  readonly retryDelaysMs: readonly number[];
  /** A request without an answer by then has failed. */
  readonly timeoutMs: number;
  /**
   * Reports what the user should know: validated (`problem` false), refused or a batch dropped
   * (`problem` true).
   */
  readonly report: (line: string, problem: boolean) => void;
}

/** The delays Event Grid's first retries follow, shortened for a local emulator. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 16_000];

/** A subscription: validated once, then fed event lines. */
export class WebhookSubscription {
  private readonly queue: string[] = [];
  private state: "validating" | "active" | "refused" | "closed" = "validating";
  /** Events of the batch in flight (or waiting for its retry); 0 when none is. */
  private inFlight = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();
  /** Events delivered (acknowledged with 2xx) so far. */
  delivered = 0;
  /** Events dropped after the last retry failed. */
  dropped = 0;

  constructor(
    private readonly options: WebhookOptions,
    private readonly validationTopic: string,
  ) {}

  /** Runs the validation handshake; resolves with whether the endpoint accepted. */
  async validate(): Promise<boolean> {
    const validationCode = randomUUID();
    const event = {
      id: randomUUID(),
      topic: this.validationTopic,
      subject: "",
      data: { validationCode, validationUrl: null },
      eventType: "Microsoft.EventGrid.SubscriptionValidationEvent",
      eventTime: new Date(0).toISOString(),
      metadataVersion: "1",
      dataVersion: "2",
    };
    const answer = await this.post(JSON.stringify([event]), "SubscriptionValidation", 1);
    let echoed: unknown;
    try {
      echoed = answer.ok ? (JSON.parse(answer.text) as { validationResponse?: unknown }) : null;
    } catch {
      echoed = null;
    }
    const accepted =
      typeof echoed === "object" &&
      echoed !== null &&
      (echoed as { validationResponse?: unknown }).validationResponse === validationCode;
    if (this.state === "closed") return false;
    this.state = accepted ? "active" : "refused";
    if (!accepted) this.queue.length = 0;
    this.options.report(
      accepted
        ? `webhook ${this.options.url}: subscription validated`
        : `webhook ${this.options.url}: the subscription validation failed (${answer.problem ?? "the answer did not echo validationCode as validationResponse"}); no events go there`,
      !accepted,
    );
    if (accepted) this.pump();
    return accepted;
  }

  /** Queues an event (its Event Grid JSON) for delivery. */
  offer(line: string): void {
    if (this.state === "refused" || this.state === "closed") return;
    this.queue.push(line);
    this.pump();
  }

  /** Events queued or in flight, not yet delivered. */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  /** Stops: no more requests or retries; what is queued is not sent. */
  close(): void {
    this.state = "closed";
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.abort.abort();
  }

  /** Whether nothing is queued or in flight (for tests and a clean stop). */
  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0;
  }

  private pump(): void {
    if (this.state !== "active" || this.inFlight > 0 || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.options.maxEventsPerBatch);
    this.inFlight = batch.length;
    void this.deliver(batch, 1);
  }

  private async deliver(batch: string[], attempt: number): Promise<void> {
    const answer = await this.post(`[${batch.join(",")}]`, "Notification", attempt);
    if (this.state === "closed") return;
    if (answer.ok) {
      this.delivered += batch.length;
      this.inFlight = 0;
      this.pump();
      return;
    }
    const delay = this.options.retryDelaysMs[attempt - 1];
    if (delay === undefined) {
      this.dropped += batch.length;
      this.options.report(
        `webhook ${this.options.url}: dropped ${batch.length} event(s) after ${attempt} attempts (${answer.problem})`,
        true,
      );
      this.inFlight = 0;
      this.pump();
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.deliver(batch, attempt + 1);
    }, delay);
  }

  private async post(
    body: string,
    eventType: "SubscriptionValidation" | "Notification",
    deliveryCount: number,
  ): Promise<{ ok: boolean; text: string; problem?: string }> {
    try {
      const response = await fetch(this.options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "aeg-event-type": eventType,
          "aeg-subscription-name": this.options.name,
          "aeg-delivery-count": String(deliveryCount - 1),
          "aeg-data-version": "1.0",
          "aeg-metadata-version": "1",
        },
        body,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      const text = await response.text();
      return response.ok
        ? { ok: true, text }
        : { ok: false, text, problem: `HTTP ${response.status}` };
    } catch (error) {
      // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, a timeout…).
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message;
      const message = (error as Error).message;
      return { ok: false, text: "", problem: why === undefined ? message : `${message}: ${why}` };
    }
  }
}
