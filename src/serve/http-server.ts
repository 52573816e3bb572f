/**
 * `ccsim serve`'s HTTP side: reads each request whole (at most 1 MiB), checks its HMAC signature
 * against the access key, brings simulated time up to the clock, lets the service answer, and
 * writes the answer as JSON. Requests are answered one at a time, in the order they complete, so
 * the router sees one operation at a time as the service's clients would. Under the wall clock a
 * single timer wakes the service when its next router timer is due. Also serves the clock's
 * administration endpoints under /ccsim/ (signed like every request).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { errorResponse, type ServiceResponse } from "./answers.ts";
import type { TlsMaterial } from "./certificate.ts";
import type { ManualClock, WallClock } from "./clock.ts";
import type { Conditions } from "./etags.ts";
import { signatureProblem } from "./hmac.ts";
import type { JobRouterService } from "./service.ts";
import { isoTime } from "./wire.ts";

/** The largest request body read (the service's resources are a few KiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What the HTTP server serves, and with which key. */
export interface HttpServerOptions {
  readonly service: JobRouterService;
  readonly clock: WallClock | ManualClock;
  /** The decoded access key requests are signed with. */
  readonly key: Uint8Array;
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  /** Serve HTTPS with this certificate and key; plain HTTP without. */
  readonly tls?: TlsMaterial;
  /** Called with what went wrong inside the server (a bug); the request gets a 500. */
  readonly onInternalError: (error: unknown) => void;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port` (`https://` with TLS), the endpoint to give a client. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, ends open connections and the timer. */
  close(): Promise<void>;
}

class RequestTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new RequestTooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** `If-Match` and `If-None-Match` of a request, when sent. */
function conditionsOf(request: IncomingMessage): Conditions {
  const ifMatch = request.headers["if-match"];
  const ifNoneMatch = request.headers["if-none-match"];
  return {
    ...(ifMatch === undefined ? {} : { ifMatch }),
    ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
  };
}

function send(response: ServerResponse, answer: ServiceResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  const text = JSON.stringify(answer.body);
  headers["content-type"] = "application/json; charset=utf-8";
  headers["content-length"] = String(Buffer.byteLength(text));
  response.writeHead(answer.status, headers).end(text);
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  if (body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.toString("utf8")) };
  } catch (error) {
    return { ok: false, message: `the body is not JSON: ${(error as Error).message}` };
  }
}

/** Starts serving; resolves once listening. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { service, clock } = options;
  let wakeUp: NodeJS.Timeout | null = null;

  /** Under the wall clock: the service's next timer fires on time without a request. */
  const scheduleWakeUp = () => {
    if (wakeUp !== null) clearTimeout(wakeUp);
    wakeUp = null;
    const next = service.nextTimerSeconds();
    if (next === null) return;
    const delay = clock.realDelayMsUntil(next);
    if (delay === null) return;
    // setTimeout's longest delay is about 24.8 days; a later timer is looked at again then.
    wakeUp = setTimeout(catchUp, Math.min(Math.ceil(delay), 2 ** 31 - 1));
  };
  const catchUp = () => {
    try {
      service.advanceTo(clock.nowSeconds());
    } catch (error) {
      options.onInternalError(error);
    }
    scheduleWakeUp();
  };

  /**
   * GET /ccsim/events: the events from now on as server-sent events, one `data:` line each (the
   * Event Grid JSON), until the client goes or the server closes.
   */
  const streamEvents = (response: ServerResponse) => {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    // A comment line: the client knows at once that the stream is open.
    response.write(": ccsim serve events\n\n");
    const stop = service.events.listen((line) => {
      response.write(`data: ${line}\n\n`);
    });
    response.on("close", stop);
  };

  /** The clock as the administration endpoints answer it. */
  const clockAnswer = (): ServiceResponse => ({
    status: 200,
    body: {
      kind: clock.kind,
      seconds: service.nowSeconds,
      now: isoTime(service.time, service.nowSeconds),
    },
  });

  const administer = (method: string, path: string, body: unknown): ServiceResponse | null => {
    if (path === "/ccsim/clock" && method === "GET") return clockAnswer();
    if (path === "/ccsim/clock:advance" && method === "POST") {
      if (clock.kind !== "manual") {
        return errorResponse(
          "Conflict",
          "the clock follows the wall clock; start ccsim serve with --clock manual to advance it",
        );
      }
      const seconds = (body as { seconds?: unknown } | undefined)?.seconds;
      if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
        return errorResponse("BadRequest", 'give {"seconds": n} with n ≥ 0', "seconds");
      }
      service.advanceTo(clock.advanceBy(seconds));
      return clockAnswer();
    }
    return path.startsWith("/ccsim/")
      ? errorResponse("NotFound", `no ccsim administration endpoint ${method} ${path}`, "path")
      : null;
  };

  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof RequestTooLarge) {
        send(
          response,
          errorResponse("BadRequest", `the body is larger than ${MAX_BODY_BYTES} bytes`),
        );
      }
      return;
    }
    const method = request.method ?? "GET";
    const target = request.url ?? "/";
    const problem = signatureProblem(
      { method, pathAndQuery: target, headers: request.headers, body },
      options.key,
    );
    if (problem !== null) {
      send(response, errorResponse("Unauthorized", problem));
      return;
    }
    const parsed = parseJson(body);
    if (!parsed.ok) {
      send(response, errorResponse("BadRequest", parsed.message, "body"));
      return;
    }
    const queryAt = target.indexOf("?");
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? "" : target.slice(queryAt + 1));
    service.advanceTo(clock.nowSeconds());
    if (path === "/ccsim/events" && method === "GET") {
      streamEvents(response);
      scheduleWakeUp();
      return;
    }
    const answer =
      administer(method, path, parsed.value) ??
      service.handle({
        method,
        path,
        query,
        body: parsed.value,
        conditions: conditionsOf(request),
      });
    send(response, answer);
    scheduleWakeUp();
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    respond(request, response).catch((error: unknown) => {
      options.onInternalError(error);
      if (!response.headersSent) {
        send(response, {
          status: 500,
          body: {
            communicationError: {
              code: "InternalError",
              message: `ccsim serve failed on this request (a bug; please report it): ${(error as Error).message}`,
              details: [],
            },
          },
        });
      }
    });
  };
  const server: Server =
    options.tls === undefined
      ? createServer(handle)
      : createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  scheduleWakeUp();
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls === undefined ? "http" : "https"}://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (wakeUp !== null) clearTimeout(wakeUp);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
