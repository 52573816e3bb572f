/**
 * A fixed-size histogram of non-negative values with bounded relative error for quantiles, in
 * the manner of DDSketch: bucket i holds values in (γ^(i−1), γ^i] with γ = (1 + α)/(1 − α), and a
 * quantile is reported as the bucket's midpoint 2γ^i/(γ + 1), which is within α = 0.5% of every
 * value in the bucket. Exact zeros (jobs answered without waiting, the common case) get their
 * own counter. Memory is one Float64Array of ~4,600 buckets covering 1 ms … 10^7 s whatever the
 * number of samples; values below 1 ms count as 1 ms and above 10^7 s as 10^7 s. The exact
 * minimum, maximum, sum and count are kept alongside.
 */

/** Relative error bound of every quantile the histogram reports (above 1 ms). */
export const HISTOGRAM_RELATIVE_ERROR = 0.005;

const GAMMA = (1 + HISTOGRAM_RELATIVE_ERROR) / (1 - HISTOGRAM_RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
const SMALLEST = 1e-3;
const LARGEST = 1e7;
const OFFSET = Math.ceil(Math.log(SMALLEST) / LOG_GAMMA);
const BUCKETS = Math.ceil(Math.log(LARGEST) / LOG_GAMMA) - OFFSET + 1;

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  private zeroCount = 0;
  private total = 0;
  // A double from the start: NaN, then 0 in the constructor (see
  // docs/router-performance.md, "Fields born with their final representation").
  private sumOfValues = Number.NaN;
  private minimum = Number.POSITIVE_INFINITY;
  private maximum = Number.NEGATIVE_INFINITY;

  constructor() {
    this.sumOfValues = 0;
  }

  /** Number of values recorded. */
  get count(): number {
    return this.total;
  }

  /** Exact sum of the values recorded. */
  get sum(): number {
    return this.sumOfValues;
  }

  /** Exact mean, or NaN when empty. */
  get mean(): number {
    return this.total === 0 ? Number.NaN : this.sumOfValues / this.total;
  }

  /** Exact largest value, or NaN when empty. */
  get max(): number {
    return this.total === 0 ? Number.NaN : this.maximum;
  }

  /** Exact smallest value, or NaN when empty. */
  get min(): number {
    return this.total === 0 ? Number.NaN : this.minimum;
  }

  /** Takes another histogram's values: this one is then as if it had recorded them. */
  copyFrom(other: Histogram): void {
    this.counts.set(other.counts);
    this.zeroCount = other.zeroCount;
    this.total = other.total;
    this.sumOfValues = other.sumOfValues;
    this.minimum = other.minimum;
    this.maximum = other.maximum;
  }

  /** Records one value (≥ 0). */
  record(value: number): void {
    this.total++;
    this.sumOfValues += value;
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
    if (value <= 0) {
      this.zeroCount++;
      return;
    }
    const bucket = bucketOf(value);
    this.counts[bucket] = (this.counts[bucket] as number) + 1;
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) by the nearest-rank definition: the value of rank ⌈q·n⌉ (at
   * least 1), within 0.5% relative error, clamped to the exact minimum and maximum; NaN when
   * empty.
   */
  quantile(q: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.total));
    if (rank <= this.zeroCount) return 0;
    let seen = this.zeroCount;
    const counts = this.counts;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += counts[bucket] as number;
      if (seen >= rank) {
        const estimate = (2 * GAMMA ** (bucket + OFFSET)) / (GAMMA + 1);
        return Math.min(this.maximum, Math.max(this.minimum, estimate));
      }
    }
    return this.maximum;
  }
}

/** The last value bucketed, and its bucket: one wait goes to up to three scopes' histograms. */
let lastValue = Number.NaN;
let lastBucket = 0;

function bucketOf(value: number): number {
  if (value === lastValue) return lastBucket;
  const clamped = value < SMALLEST ? SMALLEST : value > LARGEST ? LARGEST : value;
  lastValue = value;
  lastBucket = Math.ceil(Math.log(clamped) / LOG_GAMMA) - OFFSET;
  return lastBucket;
}
