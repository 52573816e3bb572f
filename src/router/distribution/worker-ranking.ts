/**
 * Best worker without rescoring (§3.4, §8 i): for each job score profile of a (queue,
 * channel), the listed workers kept in ranked order — score descending, then the index's
 * idleness order, which is exactly the order in which `bestWorker` picks among eligible workers.
 * A worker's score for a profile is computed once (worker labels never change on a record) and
 * the ranking is updated when the worker index attaches or detaches a worker, so choosing walks
 * the ranking to the first eligible workers instead of scoring every idle worker per job.
 * Valid because a score depends on nothing but the profile and the worker's labels: static,
 * default and powerFx scoring (whose context holds only labels: RULE_CONTEXT_READS_ONLY_LABELS).
 * The first job of a profile, and every job after a NaN score (which the scan orders
 * inconsistently), is scored worker by worker; beyond `MAX_RANKINGS` profiles per (queue,
 * channel) the least recently used ranking is dropped (docs/router-performance.md).
 */

import { SortedList } from "../../collections/sorted-list.ts";
import type { JobRecord, PolicyRecord, QueueRecord, WorkerRecord } from "../entities.ts";
import { selectorListProfile } from "../jobs/waiting-jobs.ts";
import type { Labels, WorkerSelector } from "../types.ts";
import { selectorListsAdmit } from "./eligibility.ts";
import { defaultWorkerScore, RULE_CONTEXT_READS_ONLY_LABELS, ruleWorkerScore } from "./scoring.ts";
import { compareWorkersByIdleness } from "./worker-order.ts";

/** Rankings kept per (queue, channel); a new one beyond evicts the least recently used. */
export const MAX_RANKINGS = 16;
/** Profiles remembered as seen once per (queue, channel) before the memory is cleared. */
const MAX_SEEN_ONCE = 1024;
/** Workers a ranking's memo has room for at first (it grows to the largest worker index). */
const INITIAL_MEMO_WORKERS = 64;
// A ranking's memo of one worker (see `WorkerRanking.memo`).
const UNKNOWN = 0;
const ADMITTED = 1;
const SCORED = 2;
const REFUSED = -1;

/**
 * The listed workers of one (queue, channel) admitted by one job score profile, ranked: one
 * bucket per distinct score, buckets by score descending, each in idleness order. A worker
 * freed now is the most recently idle of its score, so it joins the end of its bucket (a push,
 * no search), and the worker chosen is usually the first of the top bucket (a shift); a flat
 * list needed a binary search and a move of the workers behind for both.
 */
export class WorkerRanking {
  /** False once a score came out NaN: the ranking must not be used. */
  valid = true;
  /** Scores computed so far (a work counter: at most one per worker). */
  scoresComputed = 0;
  /** Its book's use count when last used (least recently used rankings are evicted). */
  lastUsed = 0;
  /** Ranked workers in all buckets. */
  private count = 0;
  /** The non-empty buckets, score descending; each in idleness order. */
  private readonly buckets: SortedList<WorkerRecord>[] = [];
  /** The score of each bucket (same positions as `buckets`). */
  private readonly bucketScores: number[] = [];
  /** Emptied buckets kept for reuse, so a bucket coming and going allocates nothing. */
  private readonly spareBuckets: SortedList<WorkerRecord>[] = [];
  /** `at`'s place: the bucket it read last and the rank of that bucket's first worker. */
  private cursorBucket = 0;
  private cursorRank = 0;
  /**
   * What is known of each worker, by worker index, side by side in one array (a load change
   * reads both, for each ranking, of a worker whose entries are usually out of cache): at
   * 2 × index whether the profile's selectors admit it (`UNKNOWN`, `ADMITTED`, `SCORED`: admitted
   * with its score at 2 × index + 1, or `REFUSED`).
   */
  private memo = new Float64Array(2 * INITIAL_MEMO_WORKERS);
  private readonly labels: Labels;
  private readonly requested: readonly WorkerSelector[];
  private readonly attached: readonly WorkerSelector[];

  constructor(
    job: JobRecord,
    private readonly policy: PolicyRecord,
    listed: readonly WorkerRecord[],
  ) {
    // Any job of the profile stands for all: they share labels and active selectors.
    this.labels = job.labels;
    this.requested = job.requestedWorkerSelectors;
    this.attached = job.attachedWorkerSelectors;
    for (const worker of listed) this.add(worker);
  }

  /** Number of ranked workers. */
  get length(): number {
    return this.count;
  }

  /**
   * The worker at `rank` (0-based, below `length`). Reading ranks in increasing order, as
   * choosing does, walks the buckets once; any change to the ranking restarts the walk.
   */
  at(rank: number): WorkerRecord {
    const buckets = this.buckets;
    if (rank < this.cursorRank) {
      this.cursorBucket = 0;
      this.cursorRank = 0;
    }
    let bucket = buckets[this.cursorBucket] as SortedList<WorkerRecord>;
    while (rank - this.cursorRank >= bucket.length) {
      this.cursorRank += bucket.length;
      bucket = buckets[++this.cursorBucket] as SortedList<WorkerRecord>;
    }
    return bucket.items[rank - this.cursorRank] as WorkerRecord;
  }

  /** The ranked workers in rank order (a new array, for invariant checks). */
  inOrder(): WorkerRecord[] {
    const workers: WorkerRecord[] = [];
    for (const bucket of this.buckets) workers.push(...bucket.items);
    return workers;
  }

  /** Adds a worker the index has just listed. */
  add(worker: WorkerRecord): void {
    if (!this.admitted(worker)) return;
    const memo = this.memo;
    const at = 2 * worker.index;
    let score: number;
    if (memo[at] === SCORED) {
      score = memo[at + 1] as number;
    } else {
      score = this.scoreOf(worker);
      this.scoresComputed++;
      if (Number.isNaN(score)) this.valid = false;
      memo[at] = SCORED;
      memo[at + 1] = score;
    }
    if (!this.valid) return;
    const position = this.bucketPosition(score);
    let bucket = this.buckets[position];
    if (bucket === undefined || this.bucketScores[position] !== score) {
      bucket = this.spareBuckets.pop() ?? new SortedList(compareWorkersByIdleness);
      insertAt(this.buckets, position, bucket);
      insertAt(this.bucketScores, position, score);
    }
    bucket.insert(worker);
    this.count++;
    this.cursorBucket = 0;
    this.cursorRank = 0;
  }

  /** Removes a worker the index is about to unlist. */
  remove(worker: WorkerRecord): void {
    if (!this.valid) return;
    const memo = this.memo;
    const at = 2 * worker.index;
    // A listed admitted worker was scored when added.
    if (at >= memo.length || memo[at] !== SCORED) return;
    const score = memo[at + 1] as number;
    const position = this.bucketPosition(score);
    const bucket = this.buckets[position];
    if (bucket === undefined || this.bucketScores[position] !== score) return;
    if (!bucket.remove(worker)) return;
    this.count--;
    this.cursorBucket = 0;
    this.cursorRank = 0;
    if (bucket.length === 0) {
      removeAt(this.buckets, position);
      removeAt(this.bucketScores, position);
      this.spareBuckets.push(bucket);
    }
  }

  /** The position of the first bucket whose score is not above `score` (scores descend). */
  private bucketPosition(score: number): number {
    const scores = this.bucketScores;
    let low = 0;
    let high = scores.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((scores[middle] as number) > score) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Whether the profile admits the worker (selectors, unless bypassed). */
  admitted(worker: WorkerRecord): boolean {
    const at = 2 * worker.index;
    if (at >= this.memo.length) this.growMemo(worker.index);
    const memo = this.memo;
    const known = memo[at] as number;
    if (known !== UNKNOWN) return known !== REFUSED;
    const admits = this.admitsAfresh(worker);
    memo[at] = admits ? ADMITTED : REFUSED;
    return admits;
  }

  /** Whether the profile admits the worker, decided afresh (also for invariant checks). */
  admitsAfresh(worker: WorkerRecord): boolean {
    return this.policy.bypassSelectors || selectorListsAdmit(this.requested, this.attached, worker);
  }

  /** Makes room in `memo` for the worker with this index (and doubles it, for the next ones). */
  private growMemo(index: number): void {
    const grown = new Float64Array(Math.max(2 * this.memo.length, 2 * (index + 1)));
    grown.set(this.memo);
    this.memo = grown;
  }

  /** The worker's score for the profile, computed afresh (also for invariant checks). */
  scoreOf(worker: WorkerRecord): number {
    const policy = this.policy;
    if (policy.staticScore !== null) return policy.staticScore;
    if (policy.scoringRule !== null) {
      return ruleWorkerScore(policy.scoringRule, {
        jobLabels: this.labels,
        workerLabels: worker.labels,
      });
    }
    return defaultWorkerScore(this.labels, this.requested, this.attached, worker.labels);
  }
}

/**
 * Inserts `item` at `position` of a short array (a ranking's buckets: one per distinct score).
 * Buckets come and go as scores' idle workers run out and come back, several times a job on a
 * busy center, and splice (a call that allocates the array of removed items) cost more than
 * the few moves it makes.
 */
function insertAt<T>(items: T[], position: number, item: T): void {
  items.push(item);
  for (let index = items.length - 1; index > position; index--)
    items[index] = items[index - 1] as T;
  items[position] = item;
}

/** Removes the item at `position` of a short array (see `insertAt`). */
function removeAt<T>(items: T[], position: number): void {
  const last = items.length - 1;
  for (let index = position; index < last; index++) items[index] = items[index + 1] as T;
  items.pop();
}

/**
 * The key of a job's score profile: equal keys give every worker the same score and admission.
 * Default scoring reads the labels (typed values, in order) and the active requested and
 * attached selectors (kept apart: their sums are added separately), a scoring rule the labels;
 * a static score reads neither, and admission needs the selectors unless the policy bypasses
 * them.
 */
export function scoreProfile(job: JobRecord, policy: PolicyRecord): string {
  const staticScore = policy.staticScore !== null;
  let key = "";
  if (!staticScore) {
    const labels = job.labels;
    for (const name in labels) {
      if (!Object.hasOwn(labels, name)) continue;
      const value = labels[name];
      const text = String(value);
      key += `${name.length}:${name}${typeof value}:${text.length}:${text};`;
    }
  }
  if (staticScore && policy.bypassSelectors) return key;
  return `${key}|${selectorListProfile(job.requestedWorkerSelectors)}|${selectorListProfile(job.attachedWorkerSelectors)}`;
}

/**
 * The ranking for this job in its queue's worker list of its channel, created on first use;
 * null when scores cannot be memoized (a scoring rule, a NaN score, too many profiles).
 */
export function rankingFor(
  job: JobRecord,
  queue: QueueRecord,
  listed: readonly WorkerRecord[],
): WorkerRanking | null {
  const policy = queue.policy;
  // Rules read only labels (RULE_CONTEXT_READS_ONLY_LABELS), so their scores memoize too.
  if (!RULE_CONTEXT_READS_ONLY_LABELS) return null;
  let book = queue.rankingsByChannel.get(job.channelId);
  if (book === undefined) {
    book = new RankingBook();
    queue.rankingsByChannel.set(job.channelId, book);
  }
  const profile = book.profileOf(job, policy);
  let ranking = book.rankings.get(profile);
  if (ranking === undefined) {
    // A profile seen once may never recur (labels unique to a job): scanning costs less than
    // building a ranking, so rank a profile only when it comes back.
    if (!book.seenOnce.has(profile)) {
      if (book.seenOnce.size >= MAX_SEEN_ONCE) book.seenOnce.clear();
      book.seenOnce.add(profile);
      return null;
    }
    book.seenOnce.delete(profile);
    if (book.rankings.size >= MAX_RANKINGS) book.evictLeastRecentlyUsed();
    ranking = new WorkerRanking(job, policy, listed);
    book.add(profile, ranking);
  }
  ranking.lastUsed = ++book.clock;
  return ranking.valid ? ranking : null;
}

/** A job score profile's key, by what it was computed from (see `RankingBook.profileOf`). */
interface RememberedProfile {
  readonly labels: Labels;
  readonly attached: readonly WorkerSelector[];
  readonly key: string;
}

/** Requested selector lists remembered with their profile per book, before starting afresh. */
const MAX_REMEMBERED_LISTS = 256;

/** The rankings of one (queue, channel), by job score profile. */
export class RankingBook {
  readonly rankings = new Map<string, WorkerRanking>();
  /** The same rankings, for updates on every load change (an array iterates without garbage). */
  readonly list: WorkerRanking[] = [];
  /** Profiles seen once and not ranked yet. */
  readonly seenOnce = new Set<string>();
  /** Counts uses, to find the least recently used ranking. */
  clock = 0;
  /** Profile keys looked up past the identity memo (a work counter for tests). */
  profileMisses = 0;
  /**
   * The profile key of the latest job with each requested selector list (and its labels and
   * attached list): jobs of one arrival stream share their lists (selectors.ts) and, without
   * labels, the empty label set, so their key is found without building it.
   */
  private readonly byRequestedList = new Map<readonly WorkerSelector[], RememberedProfile>();

  /** The job's score profile key (the book belongs to one queue, hence one policy). */
  profileOf(job: JobRecord, policy: PolicyRecord): string {
    const requested = job.requestedWorkerSelectors;
    const remembered = this.byRequestedList.get(requested);
    if (
      remembered !== undefined &&
      remembered.labels === job.labels &&
      remembered.attached === job.attachedWorkerSelectors
    ) {
      return remembered.key;
    }
    this.profileMisses++;
    const key = cachedScoreProfile(job, policy);
    if (this.byRequestedList.size >= MAX_REMEMBERED_LISTS) this.byRequestedList.clear();
    this.byRequestedList.set(requested, {
      labels: job.labels,
      attached: job.attachedWorkerSelectors,
      key,
    });
    return key;
  }

  /** Adds a new ranking. */
  add(profile: string, ranking: WorkerRanking): void {
    this.rankings.set(profile, ranking);
    this.list.push(ranking);
  }

  /** Drops the ranking used least recently (each one costs an update per load change). */
  evictLeastRecentlyUsed(): void {
    let oldest: string | null = null;
    let oldestUse = Number.POSITIVE_INFINITY;
    for (const [profile, ranking] of this.rankings) {
      if (ranking.lastUsed < oldestUse) {
        oldestUse = ranking.lastUsed;
        oldest = profile;
      }
    }
    if (oldest === null) return;
    const evicted = this.rankings.get(oldest) as WorkerRanking;
    this.rankings.delete(oldest);
    this.list.splice(this.list.indexOf(evicted), 1);
  }
}

/** The job's score profile, recomputed only when its labels or selector lists were replaced. */
function cachedScoreProfile(job: JobRecord, policy: PolicyRecord): string {
  const cache = job.scoreProfileCache;
  if (
    cache !== null &&
    cache.policy === policy &&
    cache.labels === job.labels &&
    cache.requested === job.requestedWorkerSelectors &&
    cache.attached === job.attachedWorkerSelectors
  ) {
    return cache.key;
  }
  const key = scoreProfile(job, policy);
  job.scoreProfileCache = {
    key,
    policy,
    labels: job.labels,
    requested: job.requestedWorkerSelectors,
    attached: job.attachedWorkerSelectors,
  };
  return key;
}

/** Keeps the rankings of a (queue, channel) in step with its worker list. */
export function rankWorker(
  queue: QueueRecord,
  channelId: string,
  worker: WorkerRecord,
  listed: boolean,
): void {
  const book = queue.rankingsByChannel.get(channelId);
  if (book === undefined) return;
  const rankings = book.list;
  for (let i = 0; i < rankings.length; i++) {
    const ranking = rankings[i] as WorkerRanking;
    if (listed) ranking.add(worker);
    else ranking.remove(worker);
  }
}
