/**
 * Job templates: what every job of one source shares (an arrival stream's channel, queue or
 * classification policy, priority, labels, tags and requested selectors), checked and resolved
 * once, so that a job is created from the template and its id alone.
 *
 * Creating a job from a template is `upsertJob` with the template's spec and that id: the same
 * answers, observer calls, events and state, in the same order. What upsertJob does per call
 * and a template does once: validate the spec (`jobSpecError`), look up the queue and the
 * classification policy by id, copy and freeze labels and tags, and build selectors that do not
 * depend on the time. This holds because none of it depends on the router's state after its
 * construction: a queue or classification policy changed at run time keeps its record (its
 * contents change in place, configuration/reconfigure.ts), and the checks read only the spec. A
 * deleted one would leave the template behind: `ccsim serve --world`, the one user of templates
 * beside a simulation, keeps the scenario's resources from deletion. The template copies what it keeps of the client's spec, so a
 * client changing its objects later does not change the template (upsertJob reads its spec
 * during the call; a template is that call's spec, read at preparation).
 *
 * What still depends on the call: whether a job with the id exists (then the call is an update,
 * which takes the general path with the equivalent spec) and, for selectors that expire, the
 * time their expiry counts from (built per job, as upsertJob does).
 */
import type { ClassificationPolicyRecord } from "../classification/classification.ts";
import { NO_SELECTORS, toWorkerSelectors } from "../classification/selectors.ts";
import type { RouterCore } from "../core.ts";
import type { QueueRecord } from "../entities.ts";
import { frozenLabels, NO_LABELS } from "../labels.ts";
import { failure, type RouterFailure } from "../results.ts";
import type { JobSpec, Labels, WorkerSelector, WorkerSelectorSpec } from "../types.ts";
import { jobRequestError, newJobError } from "./job-validation.ts";

/** A job's spec without its id: what a template is prepared from. */
export type JobTemplateSpec = Omit<JobSpec, "id">;

/** A job template, prepared by `Router.prepareJobTemplate`; see the module header. */
export class JobTemplate {
  constructor(
    /** The router state it was prepared for: its records belong to that router only. */
    readonly core: RouterCore,
    /** The spec (a frozen copy), for the general path: an update of an existing job. */
    readonly spec: JobTemplateSpec,
    /**
     * What upsertJob answers for any id when the spec is invalid or names a queue or policy
     * that does not exist (checked before the id is looked up); null when it is valid.
     */
    readonly failure: RouterFailure | null,
    /**
     * What upsertJob answers when creating (no job has the id) with a spec that lacks the
     * channel, or both queue and policy; null when a job can be created.
     */
    readonly creationFailure: RouterFailure | null,
    readonly channelId: string,
    readonly channelReference: string | null,
    readonly classificationPolicyId: string | null,
    /** The queue (null without `queueId`). */
    readonly queue: QueueRecord | null,
    /** The classification policy (null without `classificationPolicyId`): it decides. */
    readonly policy: ClassificationPolicyRecord | null,
    readonly priority: number,
    readonly labels: Labels,
    readonly tags: Labels,
    /** The requested selectors when none expires (shared by every job); else null. */
    private readonly timelessSelectors: readonly WorkerSelector[] | null,
  ) {}

  /** The job's requested selectors, for a job created at `nowSeconds`. */
  selectorsAt(nowSeconds: number): readonly WorkerSelector[] {
    return (
      this.timelessSelectors ?? toWorkerSelectors(this.spec.requestedWorkerSelectors, nowSeconds)
    );
  }

  /** The equivalent upsertJob spec of the job `id`. */
  specOf(id: string): JobSpec {
    return { ...this.spec, id };
  }
}

/** A frozen copy of a client's selector specs. */
function frozenSelectorSpecs(specs: readonly WorkerSelectorSpec[]): readonly WorkerSelectorSpec[] {
  return Object.freeze(specs.map((spec) => Object.freeze({ ...spec })));
}

/** A frozen copy of the spec, with copies of its labels, tags and selectors, frozen too. */
function frozenSpec(spec: JobTemplateSpec): JobTemplateSpec {
  const copy: { -readonly [Field in keyof JobTemplateSpec]: JobTemplateSpec[Field] } = {
    ...spec,
  };
  // Frozen as a job keeps them: every job of the template shares these two.
  if (spec.labels !== undefined) copy.labels = frozenLabels(spec.labels);
  if (spec.tags !== undefined) copy.tags = frozenLabels(spec.tags);
  if (spec.requestedWorkerSelectors !== undefined) {
    copy.requestedWorkerSelectors = frozenSelectorSpecs(spec.requestedWorkerSelectors);
  }
  return Object.freeze(copy);
}

/** A failed result with this message, or null for none. */
function refusal(error: string | null): RouterFailure | null {
  return error === null ? null : failure("BadRequest", error);
}

/** Checks and resolves a template of jobs for the router state `core`. */
export function prepareJobTemplate(
  core: RouterCore,
  policies: ReadonlyMap<string, ClassificationPolicyRecord>,
  clientSpec: JobTemplateSpec,
): JobTemplate {
  const spec = frozenSpec(clientSpec);
  const failed = refusal(jobRequestError(spec, core.queueById, policies));
  const creationFailure = refusal(newJobError(spec));
  const valid = failed === null && creationFailure === null;
  const selectors = spec.requestedWorkerSelectors;
  const timeless =
    selectors === undefined ||
    selectors.every((selector) => selector.expiresAfterSeconds === undefined);
  const policyId = spec.classificationPolicyId;
  return new JobTemplate(
    core,
    spec,
    failed,
    creationFailure,
    spec.channelId ?? "",
    spec.channelReference ?? null,
    policyId ?? null,
    spec.queueId === undefined ? null : (core.queueById.get(spec.queueId) ?? null),
    policyId === undefined ? null : (policies.get(policyId) ?? null),
    spec.priority ?? 1,
    spec.labels ?? NO_LABELS,
    spec.tags ?? NO_LABELS,
    // Invalid selectors are not built: no job is created from an invalid template. Timeless
    // ones are built from the client's array, as upsertJob builds them: its cache then gives
    // the templates of one spec (a stream's, in each replication) and upsertJob one list.
    !valid
      ? NO_SELECTORS
      : timeless
        ? toWorkerSelectors(clientSpec.requestedWorkerSelectors, Number.NaN)
        : null,
  );
}
