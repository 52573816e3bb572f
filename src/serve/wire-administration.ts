/**
 * The administration client's resources on the wire: distribution policies, queues and
 * classification policies read from PATCH bodies into the router's specs (kinds in camelCase or
 * the previews' kebab-case), classification policies answered in the API's field names, and
 * queue statistics.
 */
import type { QueueStatistics } from "../router/index.ts";
import type {
  ClassificationPolicySpec,
  DistributionModeSpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  QueueSpec,
  RouterRuleSpec,
  ScoringRuleOptionsSpec,
} from "../router/types.ts";
import {
  type ResourceReading,
  readClassificationPolicy,
  readExceptionPolicy,
  readRouterRule,
} from "../scenario/index.ts";
import { DISTRIBUTION_MODE_KINDS } from "../vocabulary/index.ts";
import {
  bodyObject,
  canonicalProperties,
  type JsonObject,
  mergedLabels,
  optionalBoolean,
  optionalNumber,
  optionalString,
  WireError,
} from "./wire.ts";
import { routerKinds, withRuleLanguages } from "./wire-kinds.ts";

/** GET /routing/queues/{id}/statistics, with the wait estimates (serve/wait-estimates.ts). */
export function queueStatisticsJson(
  statistics: QueueStatistics,
  estimatedWaitTimeMinutes: Readonly<Record<string, number>>,
): JsonObject {
  return {
    queueId: statistics.queueId,
    length: statistics.length,
    estimatedWaitTimeMinutes,
    longestJobWaitTimeMinutes: statistics.longestJobWaitTimeMinutes,
  };
}

/** A kind as the API spells it in any of its versions (`longestIdle`, `longest-idle`). */
function kindKey(kind: string): string {
  return kind.toLowerCase().replaceAll("-", "");
}

function modeOf(value: unknown): DistributionModeSpec {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WireError("mode must be an object with a kind", "mode");
  }
  const mode = canonicalProperties(value as JsonObject, [
    "kind",
    "minConcurrentOffers",
    "maxConcurrentOffers",
    "bypassSelectors",
    "scoringRule",
    "scoringRuleOptions",
  ]);
  const kindText = optionalString(mode, "kind");
  const kind = DISTRIBUTION_MODE_KINDS.find((known) => kindKey(known) === kindKey(kindText ?? ""));
  if (kind === undefined) {
    throw new WireError(
      `mode.kind must be one of ${DISTRIBUTION_MODE_KINDS.join(", ")} (got ${kindText ?? "none"})`,
      "mode.kind",
    );
  }
  const minConcurrentOffers = optionalNumber(mode, "minConcurrentOffers");
  const maxConcurrentOffers = optionalNumber(mode, "maxConcurrentOffers");
  const bypassSelectors = optionalBoolean(mode, "bypassSelectors");
  let scoringRule: RouterRuleSpec | undefined;
  if (mode.scoringRule !== undefined && mode.scoringRule !== null) {
    if (kind !== "bestWorker") {
      throw new WireError(
        `mode.scoringRule applies to a bestWorker mode only (this one is ${kind})`,
        "mode.scoringRule",
      );
    }
    // Read as a scenario's rule is: static, directMap or expression (ccsim calls out to no
    // Azure Function or webhook).
    const reading = readRouterRule(routerKinds(mode.scoringRule));
    if (!reading.ok) {
      const problems = reading.problems.map((problem) =>
        problem.path === "" ? problem.message : `${problem.path}: ${problem.message}`,
      );
      throw new WireError(`mode.scoringRule: ${problems.join("; ")}`, "mode.scoringRule");
    }
    scoringRule = reading.spec;
  }
  const options = mode.scoringRuleOptions;
  if (
    options !== undefined &&
    options !== null &&
    (typeof options !== "object" || Array.isArray(options))
  ) {
    throw new WireError("mode.scoringRuleOptions must be an object", "mode.scoringRuleOptions");
  }
  // The service's defaults, filled in: a policy reads the same whether they were sent or not.
  // Scoring options are kept for a best-worker mode, and answered (ccsim's default scoring
  // does not read them); the service answers none for the other modes.
  return {
    kind,
    minConcurrentOffers: minConcurrentOffers ?? 1,
    maxConcurrentOffers: maxConcurrentOffers ?? 1,
    bypassSelectors: bypassSelectors ?? false,
    ...(scoringRule === undefined ? {} : { scoringRule }),
    ...(kind === "bestWorker"
      ? {
          scoringRuleOptions: {
            ...SCORING_DEFAULTS,
            ...(options as ScoringRuleOptionsSpec | null | undefined),
          },
        }
      : {}),
  };
}

/** PATCH /routing/distributionPolicies/{id} read into a new policy's spec. */
export function distributionPolicySpecOf(id: string, rawBody: unknown): DistributionPolicySpec {
  const body = canonicalProperties(bodyObject(rawBody), [
    "name",
    "offerExpiresAfterSeconds",
    "mode",
  ]);
  const name = optionalString(body, "name");
  const offerExpiresAfterSeconds = optionalNumber(body, "offerExpiresAfterSeconds");
  if (offerExpiresAfterSeconds === undefined) {
    throw new WireError("offerExpiresAfterSeconds is required", "offerExpiresAfterSeconds");
  }
  if (body.mode === undefined || body.mode === null)
    throw new WireError("mode is required", "mode");
  return {
    id,
    ...(name === undefined ? {} : { name }),
    offerExpiresAfterSeconds,
    mode: modeOf(body.mode),
  };
}

/** PATCH /routing/queues/{id} read into a new queue's spec. */
export function queueSpecOf(id: string, rawBody: unknown): QueueSpec {
  const body = canonicalProperties(bodyObject(rawBody), [
    "name",
    "distributionPolicyId",
    "exceptionPolicyId",
    "labels",
  ]);
  const name = optionalString(body, "name");
  const distributionPolicyId = optionalString(body, "distributionPolicyId");
  if (distributionPolicyId === undefined) {
    throw new WireError("distributionPolicyId is required", "distributionPolicyId");
  }
  const exceptionPolicyId = optionalString(body, "exceptionPolicyId");
  const labels = mergedLabels({}, body.labels, "labels");
  return {
    id,
    ...(name === undefined ? {} : { name }),
    distributionPolicyId,
    ...(exceptionPolicyId === undefined ? {} : { exceptionPolicyId }),
    ...(labels === undefined ? {} : { labels }),
  };
}

const CLASSIFICATION_POLICY_FIELDS = [
  "name",
  "fallbackQueueId",
  "queueSelectorAttachments",
  "prioritizationRule",
  "workerSelectorAttachments",
];

const EXCEPTION_POLICY_FIELDS = ["name", "exceptionRules"];

/**
 * A policy's body ready for the scenario's schema: property names canonical, read-only fields
 * (id, etag) and nulls dropped, kinds as the scenario format names them.
 */
function policyBody(rawBody: unknown, fields: readonly string[]): JsonObject {
  const {
    id: _id,
    etag: _etag,
    ...body
  } = canonicalProperties(bodyObject(rawBody), [...fields, "id", "etag"]);
  const set = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
  return withoutSelectorState(routerKinds(set)) as JsonObject;
}

/** Fields of the worker selectors in a policy that hold the selector's state, not its spec. */
const SELECTOR_STATE = ["status", "expiresAt"];

/**
 * `value` without the read-only state of its worker selectors (`status`, `expiresAt`), which a
 * client sends back as it read them; at any depth, under `workerSelector(s)`.
 */
function withoutSelectorState(value: unknown, underSelectors = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutSelectorState(item, underSelectors));
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (underSelectors && SELECTOR_STATE.includes(key)) continue;
    result[key] = withoutSelectorState(
      inner,
      key === "workerSelector" || key === "workerSelectors",
    );
  }
  return result;
}

/** A reading's spec, or a 400 listing every problem (the first one's path as its target). */
function specOrWireError<T>(reading: ResourceReading<T>): T {
  if (reading.ok) return reading.spec;
  const [first] = reading.problems;
  throw new WireError(
    reading.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; "),
    first?.path ?? "body",
  );
}

/**
 * PATCH /routing/classificationPolicies/{id} read into a new policy's spec, by the scenario's own
 * schema (src/scenario/resources.ts): every problem of the body in one 400. Unknown fields are
 * refused, as a scenario's are, since a misspelt attachment would otherwise route silently.
 */
export function classificationPolicySpecOf(id: string, rawBody: unknown): ClassificationPolicySpec {
  return specOrWireError(
    readClassificationPolicy(id, policyBody(rawBody, CLASSIFICATION_POLICY_FIELDS)),
  );
}

/**
 * PATCH /routing/exceptionPolicies/{id} read into a new policy's spec, as a scenario's is. An
 * action without an id gets one, as the service gives one (a GUID there; here the rule's id and
 * the action's place, so the same body reads the same).
 */
export function exceptionPolicySpecOf(id: string, rawBody: unknown): ExceptionPolicySpec {
  const spec = specOrWireError(
    readExceptionPolicy(id, policyBody(rawBody, EXCEPTION_POLICY_FIELDS)),
  );
  return {
    ...spec,
    exceptionRules: spec.exceptionRules.map((rule) => ({
      ...rule,
      actions: rule.actions.map((action, index) => ({
        ...action,
        id: action.id ?? `${rule.id}-action-${index + 1}`,
      })),
    })),
  };
}

/**
 * GET of an exception policy, with the empty collections the service answers for an action's
 * absent selectors and labels.
 */
export function exceptionPolicyJson(spec: ExceptionPolicySpec): JsonObject {
  return withRuleLanguages({
    ...spec,
    exceptionRules: spec.exceptionRules.map((rule) => ({
      ...rule,
      actions: rule.actions.map((action) => {
        if (action.kind === "manualReclassify") {
          return {
            ...action,
            workerSelectors: (action.workerSelectors ?? []).map(policySelectorJson),
          };
        }
        if (action.kind === "reclassify") return { labelsToUpsert: {}, ...action };
        return action;
      }),
    })),
  });
}

/**
 * A worker selector of a policy as the service answers it: `expedite` and `status` stated
 * (a policy's selectors are always active; a job's may expire).
 */
function policySelectorJson(selector: unknown): unknown {
  return { expedite: false, status: "active", ...(selector as JsonObject) };
}

/** A router attachment as the API spells it: `queueSelector(s)` or `workerSelector(s)`. */
function attachmentJson(attachment: JsonObject, noun: "queue" | "worker"): JsonObject {
  const { selector, selectors, allocations, ...rest } = attachment as {
    selector?: unknown;
    selectors?: readonly unknown[];
    allocations?: readonly { weight: number; selectors: readonly unknown[] }[];
  } & Record<string, unknown>;
  const shown = (one: unknown) => (noun === "worker" ? policySelectorJson(one) : one);
  return {
    ...rest,
    ...(selector === undefined ? {} : { [`${noun}Selector`]: shown(selector) }),
    ...(selectors === undefined ? {} : { [`${noun}Selectors`]: selectors.map(shown) }),
    ...(allocations === undefined
      ? {}
      : {
          allocations: allocations.map((allocation) => ({
            weight: allocation.weight,
            [`${noun}Selectors`]: allocation.selectors.map(shown),
          })),
        }),
  };
}

/** GET /routing/classificationPolicies/{id}: the router's spec in the API's field names. */
export function classificationPolicyJson(spec: ClassificationPolicySpec): JsonObject {
  return withRuleLanguages({
    ...spec,
    queueSelectorAttachments: (spec.queueSelectorAttachments ?? []).map((attachment) =>
      attachmentJson(attachment as unknown as JsonObject, "queue"),
    ),
    workerSelectorAttachments: (spec.workerSelectorAttachments ?? []).map((attachment) =>
      attachmentJson(attachment as unknown as JsonObject, "worker"),
    ),
  });
}

/**
 * The scoring options the service answers for a best-worker mode that states none: ccsim scores
 * as they say (job labels and worker selectors, highest score first, one worker at a time).
 */
const SCORING_DEFAULTS: ScoringRuleOptionsSpec = {
  scoringParameters: ["jobLabels", "workerSelectors"],
  isBatchScoringEnabled: false,
  descendingOrder: true,
};

/**
 * GET of a distribution policy: its mode with the defaults the service fills in (a preloaded
 * policy has them from the scenario's schema, one created over the API from `modeOf`).
 */
export function distributionPolicyJson(spec: DistributionPolicySpec): JsonObject {
  const { scoringRuleOptions, ...mode } = spec.mode;
  const scoring =
    mode.kind === "bestWorker"
      ? { scoringRuleOptions: { ...SCORING_DEFAULTS, ...scoringRuleOptions } }
      : {};
  return withRuleLanguages({
    ...spec,
    mode: {
      minConcurrentOffers: 1,
      maxConcurrentOffers: 1,
      bypassSelectors: false,
      ...mode,
      ...scoring,
    },
  });
}

/** GET of a queue: its labels with the implicit `Id` label, as the service answers them. */
export function queueJson(spec: QueueSpec): JsonObject {
  return { ...spec, labels: { ...spec.labels, Id: spec.id } };
}
