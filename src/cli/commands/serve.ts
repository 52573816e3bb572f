/**
 * `ccsim serve [scenario]`: the Job Router REST API (api-version 2023-11-01) on a local port, for
 * the official SDKs and any HTTP client that signs its requests as the service requires. A
 * scenario preloads its distribution, classification and exception policies and its queues, and
 * with `--world` its simulated customers and workers run too, alongside the clients
 * (serve/simulated-world.ts). Prints the endpoint and a connection
 * string, then serves until Ctrl-C, which stops it at once (exit 0). Events go, as they happen,
 * to GET /ccsim/events (server-sent events) and to the `--events` file. docs/serve.md says which
 * operations are served and where ccsim answers differently from the service.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { UsageError } from "../../errors.ts";
import { RandomStream } from "../../random/index.ts";
import { duration } from "../../report/html/format.ts";
import type { Scenario, TraceArrivals } from "../../scenario/index.ts";
import { API_VERSION } from "../../serve/answers.ts";
import { selfSignedCertificate, type TlsMaterial, validityFrom } from "../../serve/certificate.ts";
import { ManualClock, WallClock } from "../../serve/clock.ts";
import { decodeAccessKey } from "../../serve/hmac.ts";
import { startHttpServer } from "../../serve/http-server.ts";
import { JobRouterService } from "../../serve/service.ts";
import { DEFAULT_RETRY_DELAYS_MS, WebhookSubscription } from "../../serve/webhooks.ts";
import { routerConfigOf } from "../../simulate.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine, printLine } from "../output.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

interface ServeArguments {
  scenario?: string;
  port: number;
  host: string;
  key?: string;
  clock: "wall" | "manual";
  speed: number;
  events?: string;
  webhook?: string[];
  tls: boolean;
  "tls-cert"?: string;
  "tls-key"?: string;
  world: boolean;
}

/** The port when none is given: free on most machines, and easy to remember. */
const DEFAULT_PORT = 8088;

/** Events a webhook request carries at most (Event Grid's own default is 1). */
const WEBHOOK_BATCH = 10;

/** A webhook request without an answer by then has failed (and is retried). */
const WEBHOOK_TIMEOUT_MS = 10_000;

/** Default time origin without a scenario (a scenario's `startTime` default as well). */
const DEFAULT_ORIGIN = "2026-01-01T00:00:00Z";

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function describePreloaded(scenario: Scenario): string {
  return [
    counted(scenario.distributionPolicies.length, "distribution policy", "distribution policies"),
    counted(
      scenario.classificationPolicies.length,
      "classification policy",
      "classification policies",
    ),
    counted(scenario.exceptionPolicies.length, "exception policy", "exception policies"),
    counted(scenario.queues.length, "queue", "queues"),
  ].join(", ");
}

function checkOptions(args: ServeArguments): void {
  const problems: string[] = [];
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    problems.push(`--port must be a whole number from 0 to 65535 (got ${args.port})`);
  }
  if (!(args.speed > 0) || !Number.isFinite(args.speed)) {
    problems.push(`--speed must be a number > 0 (got ${args.speed})`);
  }
  if (args.clock === "manual" && args.speed !== 1) {
    problems.push("--speed applies to --clock wall only");
  }
  if ((args["tls-cert"] === undefined) !== (args["tls-key"] === undefined)) {
    problems.push("--tls-cert and --tls-key go together (a certificate and its private key, PEM)");
  }
  if (args.world && args.scenario === undefined) {
    problems.push("--world runs a scenario's simulated people: give the scenario file");
  }
  if (args.key !== undefined && decodeAccessKey(args.key) === null) {
    problems.push("--key must be base64 text (the access key of a connection string)");
  }
  if (problems.length > 0) throw new UsageError(problems.join("; "));
}

/** A PEM file given on the command line, read whole. */
function readPem(option: string, path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`--${option} ${path}: cannot read it (${(error as Error).message})`);
  }
}

/**
 * The certificate to serve HTTPS with, if asked: the one given, or one made for this machine
 * whose PEM is written to a temporary folder for clients to trust (removed when serve stops).
 */
async function tlsOf(args: ServeArguments): Promise<{
  material: TlsMaterial;
  certificateFile: string | null;
  folder: string | null;
} | null> {
  const certFile = args["tls-cert"];
  const keyFile = args["tls-key"];
  if (certFile !== undefined && keyFile !== undefined) {
    return {
      material: { cert: readPem("tls-cert", certFile), key: readPem("tls-key", keyFile) },
      certificateFile: certFile,
      folder: null,
    };
  }
  if (!args.tls) return null;
  const material = await selfSignedCertificate(validityFrom(Date.now()));
  const folder = mkdtempSync(join(tmpdir(), "ccsim-serve-"));
  const certificateFile = join(folder, "certificate.pem");
  writeFileSync(certificateFile, material.cert);
  return { material, certificateFile, folder };
}

/** The events file, new or emptied; a path that cannot be written is the user's to fix. */
function openEventsFile(path: string): number {
  try {
    return openSync(path, "w");
  } catch (error) {
    throw new UsageError(`--events ${path}: cannot write it (${(error as Error).message})`);
  }
}

async function handler(args: ServeArguments): Promise<void> {
  checkOptions(args);
  let scenario: Scenario | undefined;
  let traces: ReadonlyMap<string, TraceArrivals> = new Map();
  if (args.scenario !== undefined) {
    const checked = await checkScenarioFile(args.scenario, false);
    if (checked === undefined) throw new ExitWithCode(2);
    scenario = checked.scenario;
    traces = checked.traces;
  }
  const accessKey = args.key ?? randomBytes(32).toString("base64");
  const key = decodeAccessKey(accessKey) as Buffer;
  const clock = args.clock === "manual" ? new ManualClock() : new WallClock(Date.now, args.speed);
  // Wall clock: timestamps are real times, simulated 0 being the moment the clock started.
  const originMs =
    clock.kind === "wall" ? clock.startMs : Date.parse(scenario?.startTime ?? DEFAULT_ORIGIN);
  const config =
    scenario === undefined
      ? { distributionPolicies: [], queues: [] }
      : routerConfigOf(scenario, RandomStream.root(scenario.seed, 0));
  const service = new JobRouterService({
    config,
    time: { originMs },
    ...(scenario === undefined ? {} : { seed: scenario.seed }),
    ...(args.world && scenario !== undefined ? { world: { scenario, traces } } : {}),
  });
  const tls = await tlsOf(args);
  const server = await startHttpServer({
    service,
    clock,
    key,
    host: args.host,
    port: args.port,
    ...(tls === null ? {} : { tls: tls.material }),
    onInternalError: (error) =>
      printErrorLine(`ccsim serve: internal error (a bug): ${(error as Error).stack ?? error}`),
  }).catch((error: NodeJS.ErrnoException) => {
    if (tls?.folder != null) rmSync(tls.folder, { recursive: true, force: true });
    if (error.code === "EADDRINUSE") {
      throw new UsageError(
        `port ${args.port} is in use on ${args.host}: give another with --port (0 = any free port)`,
      );
    }
    throw error;
  });
  // Opened once listening: a server that cannot start leaves no emptied file behind.
  let eventsFile: number | null = null;
  if (args.events !== undefined) {
    try {
      eventsFile = openEventsFile(args.events);
    } catch (error) {
      await server.close();
      throw error;
    }
    const file = eventsFile;
    service.events.listen((line) => writeSync(file, `${line}\n`));
  }
  printLine(
    `ccsim serve: Job Router API ${API_VERSION} at ${server.url} (clock: ${args.clock}${args.clock === "wall" && args.speed !== 1 ? ` ×${args.speed}` : ""})`,
  );
  printLine(`connection string: endpoint=${server.url}/;accesskey=${accessKey}`);
  printLine(
    scenario === undefined
      ? "no scenario: no policies or queues yet (create distribution policies and queues over the API)"
      : `preloaded from ${args.scenario}: ${describePreloaded(scenario)}`,
  );
  if (scenario !== undefined && service.world !== null) {
    printLine(
      `simulated world: ${counted(service.world.workerCount, "worker", "workers")} and ${counted(scenario.arrivals.length, "arrival stream", "arrival streams")} running alongside the clients, arriving for the first ${duration(scenario.horizonSeconds)} of simulated time (they act for themselves: docs/serve.md)`,
    );
  }
  if (tls !== null) {
    printLine(
      `certificate: ${tls.certificateFile} (trust it in the client: Python connection_verify, Node NODE_EXTRA_CA_CERTS)`,
    );
  }
  if (args.events !== undefined) printLine(`events: written to ${args.events} as they happen`);
  const webhooks = (args.webhook ?? []).map((url, index) => {
    const subscription = new WebhookSubscription(
      {
        url,
        name: `ccsim-serve-${index + 1}`,
        maxEventsPerBatch: WEBHOOK_BATCH,
        retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        report: (line, problem) => (problem ? printErrorLine(line) : printLine(line)),
      },
      `ccsim-serve/${server.url}`,
    );
    service.events.listen((line) => subscription.offer(line));
    printLine(`webhook ${url}: validating the subscription`);
    void subscription.validate();
    return subscription;
  });
  printLine("Ctrl-C stops it.");
  await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  for (const webhook of webhooks) {
    if (webhook.pending > 0) {
      printErrorLine(`webhook: stopped with ${webhook.pending} event(s) not delivered`);
    }
    webhook.close();
  }
  await server.close();
  if (eventsFile !== null) closeSync(eventsFile);
  if (tls?.folder != null) rmSync(tls.folder, { recursive: true, force: true });
  printLine("ccsim serve: stopped");
}

/** The `serve` command. */
export const serveCommand: CommandModule<object, ServeArguments> = {
  ...COMMAND_SUMMARIES.serve,
  builder: (cli: Argv) =>
    cli
      .positional("scenario", {
        type: "string",
        describe: "scenario whose policies and queues the service starts with",
      })
      .option("port", {
        type: "number",
        default: DEFAULT_PORT,
        describe: "port to listen on (0 = any free port)",
      })
      .option("host", {
        type: "string",
        default: "127.0.0.1",
        describe: "address to listen on (the default accepts only this machine)",
      })
      .option("key", {
        type: "string",
        describe:
          "access key (base64) requests are signed with (default: a new random key, printed)",
      })
      .option("clock", {
        choices: ["wall", "manual"] as const,
        default: "wall" as const,
        describe:
          "wall: simulated time follows the real clock; manual: it moves only by POST /ccsim/clock:advance",
      })
      .option("tls", {
        type: "boolean",
        default: false,
        describe:
          "serve HTTPS with a certificate made for this machine (its PEM file is printed, for clients to trust)",
      })
      .option("tls-cert", {
        type: "string",
        describe: "serve HTTPS with this certificate (PEM; with --tls-key)",
      })
      .option("tls-key", {
        type: "string",
        describe: "the private key of --tls-cert (PEM)",
      })
      .option("webhook", {
        type: "string",
        array: true,
        describe:
          "push every event to this URL as an Event Grid webhook subscription would (validation handshake, batches, retries); may be repeated",
      })
      .option("events", {
        type: "string",
        describe:
          "also write every event, as it happens, to this file (Event Grid JSON lines, as run --events)",
      })
      .option("world", {
        type: "boolean",
        default: false,
        describe:
          "also run the scenario's simulated customers and workers, alongside the clients (who may not act for them)",
      })
      .option("speed", {
        type: "number",
        default: 1,
        describe: "with --clock wall: how many simulated seconds pass per real second",
      })
      .example("$0 serve scenarios/quickstart.yaml", "the quickstart's policy and queue on :8088")
      .example(
        "$0 serve scenarios/quickstart.yaml --world --speed 10",
        "the quickstart's customers and agents at work, ten times faster, beside your own",
      )
      .example(
        "$0 serve scenarios/quickstart.yaml --clock manual --port 0",
        "for tests: time moves only when told, any free port",
      ) as unknown as Argv<ServeArguments>,
  handler,
};
