/**
 * Maps a schema-parsed scenario to the normalised `Scenario`: unit-suffixed names, defaults
 * the schema cannot know (name from the file, scoring options), absolute trace paths, sorted
 * scripted arrivals and shifts. Absent optionals stay absent (never `undefined`).
 */
import { basename, dirname, extname } from "node:path";
import { resolveTracePath } from "./rules-trace.ts";
import type { ParsedScenario } from "./schema.ts";
import { DEFAULT_SCORING_RULE_OPTIONS } from "./schema-router.ts";
import type {
  ArrivalProcessSpec,
  ArrivalSpec,
  ClassificationPolicySpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  QueueSelectorAttachmentSpec,
  Scenario,
  WorkerGroupSpec,
  WorkerSelectorAttachmentSpec,
  WorkerSelectorSpec,
} from "./types.ts";
import { groupSizeOf } from "./types.ts";

type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops properties whose value is undefined, so optional fields are truly absent. */
function compact<T extends object>(value: T): Compact<T> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) result[key] = field;
  return result as Compact<T>;
}

type Parsed<K extends keyof ParsedScenario> = ParsedScenario[K];
type Item<K extends keyof ParsedScenario> = Parsed<K> extends (infer T)[] ? T : never;

function distributionPolicy(policy: Item<"distributionPolicies">): DistributionPolicySpec {
  const { scoringRuleOptions, ...mode } = policy.mode;
  const options = scoringRuleOptions ?? DEFAULT_SCORING_RULE_OPTIONS;
  return compact({
    ...policy,
    mode: compact({
      ...mode,
      scoringRuleOptions: { ...options, scoringParameters: [...options.scoringParameters] },
    }),
  });
}

function workerSelector(
  selector: Item<"arrivals">["requestedWorkerSelectors"][number],
): WorkerSelectorSpec {
  return compact(selector);
}

function queueAttachment(
  attachment: Item<"classificationPolicies">["queueSelectorAttachments"][number],
): QueueSelectorAttachmentSpec {
  switch (attachment.kind) {
    case "static":
      return { kind: "static", selector: attachment.queueSelector };
    case "conditional":
      return {
        kind: "conditional",
        condition: attachment.condition,
        selectors: attachment.queueSelectors,
      };
    case "weightedAllocation":
      return {
        kind: "weightedAllocation",
        allocations: attachment.allocations.map(({ weight, queueSelectors }) => ({
          weight,
          selectors: queueSelectors,
        })),
      };
    default:
      return attachment;
  }
}

function workerAttachment(
  attachment: Item<"classificationPolicies">["workerSelectorAttachments"][number],
): WorkerSelectorAttachmentSpec {
  switch (attachment.kind) {
    case "static":
      return { kind: "static", selector: workerSelector(attachment.workerSelector) };
    case "conditional":
      return {
        kind: "conditional",
        condition: attachment.condition,
        selectors: attachment.workerSelectors.map(workerSelector),
      };
    case "weightedAllocation":
      return {
        kind: "weightedAllocation",
        allocations: attachment.allocations.map(({ weight, workerSelectors }) => ({
          weight,
          selectors: workerSelectors.map(workerSelector),
        })),
      };
    default:
      return compact(attachment);
  }
}

/** A parsed classification policy in the router's terms (also for `ccsim serve`'s requests). */
export function classificationPolicy(
  policy: Item<"classificationPolicies">,
): ClassificationPolicySpec {
  return compact({
    ...policy,
    queueSelectorAttachments: policy.queueSelectorAttachments.map(queueAttachment),
    workerSelectorAttachments: policy.workerSelectorAttachments.map(workerAttachment),
  });
}

/** A parsed exception policy in the router's terms (also for `ccsim serve`'s requests). */
export function exceptionPolicy(policy: Item<"exceptionPolicies">): ExceptionPolicySpec {
  return compact({
    ...policy,
    exceptionRules: policy.exceptionRules.map((rule) => ({
      ...rule,
      actions: rule.actions.map((action) =>
        action.kind === "manualReclassify"
          ? compact({ ...action, workerSelectors: action.workerSelectors?.map(workerSelector) })
          : compact(action),
      ),
    })),
  });
}

function worker(group: Item<"workers">): WorkerGroupSpec {
  const { declineRetryAfter, ...behavior } = group.behavior;
  const shifts = group.shifts
    ?.map((shift) => ({ startSeconds: shift.start, endSeconds: shift.end }))
    .sort((a, b) => a.startSeconds - b.startSeconds);
  return compact({
    ...group,
    count: groupSizeOf(group),
    channels: group.channels.map(compact),
    shifts,
    behavior: compact({ ...behavior, declineRetryAfterSeconds: declineRetryAfter }),
  });
}

function arrivalProcess(
  spec: Item<"arrivals">["arrival"],
  scenarioDirectory: string,
): ArrivalProcessSpec {
  switch (spec.kind) {
    case "piecewisePoisson":
      return {
        kind: "piecewisePoisson",
        intervalLengthSeconds: spec.intervalLength,
        ratesPerHour: spec.ratesPerHour,
      };
    case "scripted":
      return { kind: "scripted", atSeconds: [...spec.at].sort((a, b) => a - b) };
    case "trace":
      return { ...spec, file: resolveTracePath(scenarioDirectory, spec.file) };
    default:
      return spec;
  }
}

function arrival(stream: Item<"arrivals">, scenarioDirectory: string): ArrivalSpec {
  return compact({
    ...stream,
    requestedWorkerSelectors: stream.requestedWorkerSelectors.map(workerSelector),
    arrival: arrivalProcess(stream.arrival, scenarioDirectory),
  });
}

/** Normalises a parsed scenario loaded from `sourcePath` (absolute). */
export function normaliseScenario(parsed: ParsedScenario, sourcePath: string): Scenario {
  const directory = dirname(sourcePath);
  return compact({
    name: parsed.name ?? basename(sourcePath, extname(sourcePath)),
    description: parsed.description,
    sourcePath,
    seed: parsed.seed,
    replications: parsed.replications,
    horizonSeconds: parsed.horizon,
    warmupSeconds: parsed.warmup,
    drainSeconds: parsed.drain,
    startTime: parsed.startTime,
    serviceLevelThresholdSeconds: parsed.serviceLevelThreshold,
    serviceLevelTarget: parsed.serviceLevelTarget,
    intervalLengthSeconds: parsed.intervalLength,
    distributionPolicies: parsed.distributionPolicies.map(distributionPolicy),
    queues: parsed.queues.map(compact),
    classificationPolicies: parsed.classificationPolicies.map(classificationPolicy),
    exceptionPolicies: parsed.exceptionPolicies.map(exceptionPolicy),
    workers: parsed.workers.map(worker),
    arrivals: parsed.arrivals.map((stream) => arrival(stream, directory)),
  });
}
