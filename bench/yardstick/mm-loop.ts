/**
 * The yardstick: the bare M/M/c event loop that ccsim's figures are divided by. Arrivals, c
 * servers, one FIFO queue and service completions on a binary heap of typed arrays, with its
 * own tiny generator: nothing a simulator could do less of. Timed in the same process just
 * before each ccsim case (bench/yardstick/timing.ts), it turns seconds measured on a loaded or
 * different machine into a ratio that stays comparable. It reads no clock itself.
 */

/** The model: Poisson arrivals, exponential service, `servers` identical servers, FIFO. */
export interface MmcModel {
  readonly servers: number;
  readonly arrivalRatePerSecond: number;
  readonly meanServiceSeconds: number;
  /** Arrivals to generate; the loop then drains until every one has been served. */
  readonly jobs: number;
  /** Jobs left out of the wait statistics (the empty-system start). */
  readonly warmupJobs?: number;
  /** The T of the service level (share of jobs answered within T); default 20 s. */
  readonly serviceLevelThresholdSeconds?: number;
  readonly seed: number;
}

/** What one run of the loop produced. */
export interface MmcOutcome {
  /** Jobs that arrived and were served (every arrival is served: there is no abandonment). */
  readonly served: number;
  /** Jobs counted in the wait statistics (served after the warm-up). */
  readonly measured: number;
  readonly meanWaitSeconds: number;
  /** Share of the measured jobs that waited at all. */
  readonly probabilityOfWait: number;
  /** Share of the measured jobs that waited at most the threshold (depends on FIFO order). */
  readonly serviceLevel: number;
  /** Simulated time of the last completion. */
  readonly endSeconds: number;
}

/** M/M/50 at 90% load, 3-minute calls: the model of bench/scenarios/perf-mm50.yaml. */
export const PERF_MM50: Omit<MmcModel, "jobs" | "seed"> = {
  servers: 50,
  arrivalRatePerSecond: 900 / 3600,
  meanServiceSeconds: 180,
};

/**
 * mulberry32 (exported for the tests' reference loop): uniform in (0, 1) from a 32-bit state. Never 0, so −log(u) is finite; good
 * enough for queueing statistics and far cheaper than any simulator's named streams.
 */
export function uniformSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (((mixed ^ (mixed >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

const ARRIVAL = -1;

/** Runs the model to the end (every arrival served). */
export function runMmcLoop(model: MmcModel): MmcOutcome {
  const { servers, jobs } = model;
  const warmupJobs = model.warmupJobs ?? 0;
  const threshold = model.serviceLevelThresholdSeconds ?? 20;
  const uniform = uniformSource(model.seed);
  const meanInterarrival = 1 / model.arrivalRatePerSecond;
  const meanService = model.meanServiceSeconds;
  // The heap: at most one pending arrival and one completion per server. `what` is ARRIVAL or
  // the index of the job completing.
  const heapTime = new Float64Array(servers + 1);
  const heapWhat = new Int32Array(servers + 1);
  let heapSize = 0;
  const push = (time: number, what: number): void => {
    let at = heapSize++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if ((heapTime[parent] as number) <= time) break;
      heapTime[at] = heapTime[parent] as number;
      heapWhat[at] = heapWhat[parent] as number;
      at = parent;
    }
    heapTime[at] = time;
    heapWhat[at] = what;
  };
  // Pops the root into (poppedTime, poppedWhat).
  let poppedTime = 0;
  let poppedWhat = 0;
  const pop = (): void => {
    poppedTime = heapTime[0] as number;
    poppedWhat = heapWhat[0] as number;
    const lastTime = heapTime[--heapSize] as number;
    const lastWhat = heapWhat[heapSize] as number;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && (heapTime[child + 1] as number) < (heapTime[child] as number))
        child++;
      if ((heapTime[child] as number) >= lastTime) break;
      heapTime[at] = heapTime[child] as number;
      heapWhat[at] = heapWhat[child] as number;
      at = child;
    }
    heapTime[at] = lastTime;
    heapWhat[at] = lastWhat;
  };
  // The FIFO queue: a growable ring of (arrival time, job index).
  let queueTime = new Float64Array(1024);
  let queueJob = new Int32Array(1024);
  let queueHead = 0;
  let queueLength = 0;
  const enqueue = (time: number, job: number): void => {
    if (queueLength === queueTime.length) {
      const grownTime = new Float64Array(queueTime.length * 2);
      const grownJob = new Int32Array(queueTime.length * 2);
      for (let i = 0; i < queueLength; i++) {
        const from = (queueHead + i) % queueTime.length;
        grownTime[i] = queueTime[from] as number;
        grownJob[i] = queueJob[from] as number;
      }
      queueTime = grownTime;
      queueJob = grownJob;
      queueHead = 0;
    }
    const at = (queueHead + queueLength++) % queueTime.length;
    queueTime[at] = time;
    queueJob[at] = job;
  };

  let idle = servers;
  let arrived = 0;
  let served = 0;
  let measured = 0;
  let waited = 0;
  let waitSum = 0;
  let withinThreshold = 0;
  const start = (job: number, arrivalTime: number, now: number): void => {
    if (job >= warmupJobs) {
      measured++;
      const wait = now - arrivalTime;
      if (wait > 0) {
        waited++;
        waitSum += wait;
      }
      if (wait <= threshold) withinThreshold++;
    }
    push(now - Math.log(uniform()) * meanService, job);
  };

  if (jobs > 0) push(-Math.log(uniform()) * meanInterarrival, ARRIVAL);
  while (heapSize > 0) {
    pop();
    const now = poppedTime;
    if (poppedWhat === ARRIVAL) {
      const job = arrived++;
      if (arrived < jobs) push(now - Math.log(uniform()) * meanInterarrival, ARRIVAL);
      if (idle > 0) {
        idle--;
        start(job, now, now);
      } else {
        enqueue(now, job);
      }
    } else {
      served++;
      if (queueLength > 0) {
        const waitingTime = queueTime[queueHead] as number;
        const waitingJob = queueJob[queueHead] as number;
        queueHead = (queueHead + 1) % queueTime.length;
        queueLength--;
        start(waitingJob, waitingTime, now);
      } else {
        idle++;
      }
    }
  }
  return {
    served,
    measured,
    meanWaitSeconds: measured === 0 ? 0 : waitSum / measured,
    probabilityOfWait: measured === 0 ? 0 : waited / measured,
    serviceLevel: measured === 0 ? 0 : withinThreshold / measured,
    endSeconds: poppedTime,
  };
}
