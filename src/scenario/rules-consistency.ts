/**
 * Consistency rules that span several fields: time windows, offer bounds, options that only
 * apply to one mode, arrival targets, shifts, weights. Each rule reports the field a user
 * should change. Durations here are already seconds.
 */
import {
  DISTRIBUTION_MODE_KINDS,
  DISTRIBUTION_MODE_TRAITS,
  type DistributionKind,
  type DistributionSpecOf,
} from "../vocabulary/index.ts";
import type { RuleInput, RuleIssue } from "./rule-input.ts";
import type { DistributionSpec } from "./types.ts";

/** The modes that rank by score, where `scoringRule` and `scoringRuleOptions` apply. */
const SCORED_MODES = DISTRIBUTION_MODE_KINDS.filter(
  (kind) => DISTRIBUTION_MODE_TRAITS[kind].scored,
);

function timeRules({ top }: RuleInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (top.horizon !== undefined && top.horizon <= 0) {
    issues.push({ path: ["horizon"], message: "the horizon must be longer than 0" });
  }
  const horizonIsPositive = top.horizon !== undefined && top.horizon > 0;
  if (horizonIsPositive && top.warmup !== undefined && top.warmup >= (top.horizon ?? 0)) {
    issues.push({
      path: ["warmup"],
      message: `the warmup (${top.warmup}s) must be shorter than the horizon (${top.horizon}s)`,
      hint: "no arrival would be measured",
    });
  }
  if (top.intervalLength !== undefined && top.intervalLength <= 0) {
    issues.push({ path: ["intervalLength"], message: "the interval length must be longer than 0" });
  }
  return issues;
}

function distributionPolicyRules(input: RuleInput): RuleIssue[] {
  return input.distributionPolicies.flatMap(({ index, value: { mode } }) => {
    const path = ["distributionPolicies", index, "mode"];
    const issues: RuleIssue[] = [];
    if (mode.minConcurrentOffers > mode.maxConcurrentOffers) {
      issues.push({
        path: [...path, "minConcurrentOffers"],
        message: `minConcurrentOffers (${mode.minConcurrentOffers}) must not exceed maxConcurrentOffers (${mode.maxConcurrentOffers})`,
      });
    }
    for (const field of ["scoringRule", "scoringRuleOptions"] as const) {
      if (mode[field] !== undefined && !DISTRIBUTION_MODE_TRAITS[mode.kind].scored) {
        issues.push({
          path: [...path, field],
          message: `${field} applies only to the ${SCORED_MODES.join(" or ")} mode, not ${mode.kind}`,
        });
      }
    }
    return issues;
  });
}

function implicitIdLabel(labels: Record<string, unknown>, path: (string | number)[]): RuleIssue[] {
  if (!("Id" in labels)) return [];
  return [
    {
      path: [...path, "labels", "Id"],
      message: "the label Id is set by the service to the resource's id and cannot be set here",
    },
  ];
}

function queueRules(input: RuleInput): RuleIssue[] {
  return input.queues.flatMap(({ index, value }) =>
    implicitIdLabel(value.labels, ["queues", index]),
  );
}

function workerRules(input: RuleInput): RuleIssue[] {
  return input.workers.flatMap(({ index, value }) => {
    const path = ["workers", index];
    const issues = implicitIdLabel(value.labels, path);
    value.channels.forEach((channel, channelIndex) => {
      if (channel.capacityCostPerJob > value.capacity) {
        issues.push({
          path: [...path, "channels", channelIndex, "capacityCostPerJob"],
          message: `a job on this channel costs ${channel.capacityCostPerJob} but the worker's capacity is ${value.capacity}, so it could never be assigned one`,
        });
      }
    });
    const shifts = (value.shifts ?? []).map((shift, shiftIndex) => ({ ...shift, shiftIndex }));
    for (const shift of shifts) {
      if (shift.start >= shift.end) {
        issues.push({
          path: [...path, "shifts", shift.shiftIndex, "end"],
          message: `a shift must end after it starts (start ${shift.start}s, end ${shift.end}s)`,
        });
      }
    }
    const ordered = shifts.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
    ordered.forEach((shift, position) => {
      const previous = ordered[position - 1];
      if (previous !== undefined && shift.start < previous.end) {
        issues.push({
          path: [...path, "shifts", shift.shiftIndex, "start"],
          message: `this shift overlaps shifts[${previous.shiftIndex}]`,
          hint: "merge overlapping shifts into one",
        });
      }
    });
    issues.push(...staffingRules(input, value, path));
    return issues;
  });
}

type WorkerItem = RuleInput["workers"][number]["value"];

/**
 * A staffing vector: one count per report interval of the horizon, a group size (`count`)
 * that agrees with it, someone on duty at some point, and no shifts beside it.
 */
function staffingRules(
  { top }: RuleInput,
  group: WorkerItem,
  path: (string | number)[],
): RuleIssue[] {
  const staffing = group.staffing;
  if (staffing === undefined) return [];
  const issues: RuleIssue[] = [];
  const most = Math.max(...staffing);
  if (group.shifts !== undefined) {
    issues.push({
      path: [...path, "staffing"],
      message: "a group has either shifts or a staffing vector, not both",
      hint: "write the shifts into the staffing vector, or split the group in two",
    });
  }
  if (most === 0) {
    issues.push({
      path: [...path, "staffing"],
      message: "the staffing vector never puts anyone on duty",
      hint: "a group needs at least one worker on duty in some interval",
    });
  } else if (group.count !== undefined && group.count !== most) {
    issues.push({
      path: [...path, "count"],
      message: `count ${group.count} differs from the most the staffing vector puts on duty (${most})`,
      hint: "leave count out: with staffing the group has max(staffing) workers",
    });
  }
  const { horizon, intervalLength } = top;
  if (horizon !== undefined && horizon > 0 && intervalLength !== undefined && intervalLength > 0) {
    const intervals = Math.ceil(horizon / intervalLength);
    if (staffing.length !== intervals) {
      issues.push({
        path: [...path, "staffing"],
        message: `the staffing vector has ${staffing.length} count(s) but the horizon (${horizon}s) holds ${intervals} report interval(s) of ${intervalLength}s`,
        hint: "give one count per report interval from 0 to the horizon (the last interval may be cut short)",
      });
    }
  }
  return issues;
}

/** Whether a distribution of each kind can draw a value above 0 (one entry per kind). */
const canKindBePositive: {
  readonly [Kind in DistributionKind]: (spec: DistributionSpecOf<Kind>) => boolean;
} = {
  constant: (spec) => spec.value > 0,
  exponential: (spec) => spec.mean > 0,
  uniform: (spec) => spec.max > 0,
  triangular: (spec) => spec.max > 0,
  normal: (spec) => spec.mean > 0 || spec.sd > 0,
  lognormal: (spec) => spec.mean > 0,
  gamma: (spec) => spec.mean > 0,
  erlang: (spec) => spec.mean > 0,
  weibull: (spec) => spec.scale > 0,
  empirical: (spec) => spec.values.some((value) => value > 0),
};

/** Enough to tell "always 0" from "sometimes positive". */
function canBePositive(spec: DistributionSpec): boolean {
  return (canKindBePositive[spec.kind] as (spec: DistributionSpec) => boolean)(spec);
}

function arrivalRules(input: RuleInput): RuleIssue[] {
  return input.arrivals.flatMap(({ index, value }) => {
    const path = ["arrivals", index];
    const issues: RuleIssue[] = [];
    const targets = [value.queueId, value.classificationPolicyId].filter((id) => id !== undefined);
    if (targets.length !== 1) {
      issues.push({
        path,
        message:
          targets.length === 0
            ? "needs a queueId or a classificationPolicyId"
            : "has both a queueId and a classificationPolicyId; a job stream needs exactly one",
      });
    }
    issues.push(...arrivalProcessRules(input, value.arrival, [...path, "arrival"]));
    issues.push(...classificationTargetRules(input, value.classificationPolicyId, path));
    return issues;
  });
}

type ArrivalProcess = RuleInput["arrivals"][number]["value"]["arrival"];

function arrivalProcessRules(
  input: RuleInput,
  arrival: ArrivalProcess,
  path: (string | number)[],
): RuleIssue[] {
  if (arrival.kind === "piecewisePoisson" && arrival.intervalLength <= 0) {
    return [
      { path: [...path, "intervalLength"], message: "the interval length must be longer than 0" },
    ];
  }
  if (arrival.kind === "renewal" && !canBePositive(arrival.interarrival)) {
    return [
      {
        path: [...path, "interarrival"],
        message: "interarrival times are always 0, which would create infinitely many jobs at once",
      },
    ];
  }
  const horizon = input.top.horizon;
  if (arrival.kind === "scripted" && horizon !== undefined) {
    return arrival.at.flatMap((seconds, atIndex) =>
      seconds >= horizon
        ? [
            {
              path: [...path, "at", atIndex],
              message: `arrival time ${seconds}s is not before the horizon (${horizon}s), so it would never happen`,
            },
          ]
        : [],
    );
  }
  return [];
}

/** A job stream classified by a policy that can never choose a queue would always fail. */
function classificationTargetRules(
  input: RuleInput,
  policyId: string | undefined,
  path: (string | number)[],
): RuleIssue[] {
  const policy = input.classificationPolicies.find((item) => item.value.id === policyId)?.value;
  if (policy === undefined) return [];
  if (policy.queueSelectorAttachments.length > 0 || policy.fallbackQueueId !== undefined) return [];
  return [
    {
      path: [...path, "classificationPolicyId"],
      message: `classification policy "${policy.id}" has neither queueSelectorAttachments nor a fallbackQueueId, so every job would fail classification`,
    },
  ];
}

function weightRules(input: RuleInput): RuleIssue[] {
  return input.classificationPolicies.flatMap(({ index, value }) =>
    (["queueSelectorAttachments", "workerSelectorAttachments"] as const).flatMap((list) =>
      value[list].flatMap((attachment, attachmentIndex) => {
        if (attachment.kind !== "weightedAllocation") return [];
        const total = attachment.allocations.reduce(
          (sum, allocation) => sum + allocation.weight,
          0,
        );
        if (Math.abs(total - 1) <= 1e-9) return [];
        return [
          {
            path: ["classificationPolicies", index, list, attachmentIndex, "allocations"],
            message: `the weights add up to ${Number(total.toFixed(12))}; they must add up to 1`,
          },
        ];
      }),
    ),
  );
}

/** All consistency rules. */
export function consistencyRules(input: RuleInput): RuleIssue[] {
  return [
    ...timeRules(input),
    ...distributionPolicyRules(input),
    ...queueRules(input),
    ...workerRules(input),
    ...arrivalRules(input),
    ...weightRules(input),
  ];
}
