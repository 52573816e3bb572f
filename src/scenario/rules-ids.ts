/**
 * Identity rules: ids are unique within each list (and within nested lists such as exception
 * rules and a worker's channels), and the worker ids that groups expand to never collide.
 */
import type { RuleInput, RuleIssue } from "./rule-input.ts";
import { RESOURCE_LISTS } from "./schema.ts";
import { groupSizeOf, workerIdsOf } from "./types.ts";

/** Reports the second and later occurrences of a key, naming the first. */
function duplicates<T>(
  items: readonly { index: number; value: T }[],
  keyOf: (value: T) => string | undefined,
  describe: (key: string, firstIndex: number) => string,
  pathOf: (index: number) => (string | number)[],
): RuleIssue[] {
  const firstIndexByKey = new Map<string, number>();
  const issues: RuleIssue[] = [];
  for (const { index, value } of items) {
    const key = keyOf(value);
    if (key === undefined) continue;
    const firstIndex = firstIndexByKey.get(key);
    if (firstIndex === undefined) firstIndexByKey.set(key, index);
    else issues.push({ path: pathOf(index), message: describe(key, firstIndex) });
  }
  return issues;
}

const indexed = <T>(values: readonly T[]) => values.map((value, index) => ({ index, value }));

/** Unique ids per resource list. */
function uniqueResourceIds(input: RuleInput): RuleIssue[] {
  return RESOURCE_LISTS.flatMap((list) =>
    duplicates<{ id: string }>(
      input[list],
      (value) => value.id,
      (id, first) => `duplicate id "${id}" (already used by ${list}[${first}])`,
      (index) => [list, index, "id"],
    ),
  );
}

/** Expanded worker ids (`agent-1`, …) must not collide across groups. */
function uniqueExpandedWorkerIds(input: RuleInput): RuleIssue[] {
  const ownerByWorkerId = new Map<string, number>();
  const groupIds = new Set<string>();
  const issues: RuleIssue[] = [];
  for (const { index, value } of input.workers) {
    // A repeated group id is already reported as a duplicate id.
    if (groupIds.has(value.id)) continue;
    groupIds.add(value.id);
    const workerIds = workerIdsOf({ id: value.id, count: groupSizeOf(value) });
    const clash = workerIds.find((workerId) => ownerByWorkerId.has(workerId));
    if (clash !== undefined) {
      issues.push({
        path: ["workers", index, "id"],
        message: `worker id "${clash}" is also produced by workers[${ownerByWorkerId.get(clash)}]`,
        hint: "a group with count n expands to <id>-1 … <id>-n; rename one of them",
      });
      continue;
    }
    for (const workerId of workerIds) ownerByWorkerId.set(workerId, index);
  }
  return issues;
}

/** Ids inside resources: exception rule ids, action ids, channel ids. */
function uniqueNestedIds(input: RuleInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const { index, value } of input.exceptionPolicies) {
    issues.push(
      ...duplicates(
        indexed(value.exceptionRules),
        (rule) => rule.id,
        (id, first) =>
          `duplicate exception rule id "${id}" (already used by exceptionRules[${first}])`,
        (ruleIndex) => ["exceptionPolicies", index, "exceptionRules", ruleIndex, "id"],
      ),
    );
  }
  for (const { index, value } of input.workers) {
    issues.push(
      ...duplicates(
        indexed(value.channels),
        (channel) => channel.channelId,
        (id, first) => `channel "${id}" is already configured in channels[${first}]`,
        (channelIndex) => ["workers", index, "channels", channelIndex, "channelId"],
      ),
      ...duplicates(
        indexed(value.queues),
        (queueId) => queueId,
        (id, first) => `queue "${id}" is already listed in queues[${first}]`,
        (queueIndex) => ["workers", index, "queues", queueIndex],
      ),
    );
  }
  return issues;
}

/** All identity rules. */
export function identityRules(input: RuleInput): RuleIssue[] {
  return [
    ...uniqueResourceIds(input),
    ...uniqueExpandedWorkerIds(input),
    ...uniqueNestedIds(input),
  ];
}
