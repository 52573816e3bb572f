/**
 * Test-side Erlang formulas written the textbook way, as sums of Poisson terms in log space,
 * independent of the recursion and chain code under test.
 */

function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}

function logSumExp(values: number[]): number {
  const max = Math.max(...values);
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

/** Erlang C from C = (a^c/c!)·c/(c−a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c−a)). */
export function erlangCBySums(servers: number, offeredLoad: number): number {
  const logTerms: number[] = [];
  let logTerm = 0;
  for (let k = 0; k < servers; k++) {
    logTerms.push(logTerm);
    logTerm += Math.log(offeredLoad) - Math.log(k + 1);
  }
  const logQueueing = logTerm + Math.log(servers / (servers - offeredLoad));
  const logTotal = logSumExp([...logTerms, logQueueing]);
  return Math.exp(logQueueing - logTotal);
}

/** Erlang B from B = (a^c/c!) / Σ_{k≤c} a^k/k!. */
export function erlangBBySums(servers: number, offeredLoad: number): number {
  const logTerms = Array.from(
    { length: servers + 1 },
    (_, k) => k * Math.log(offeredLoad) - logFactorial(k),
  );
  return Math.exp((logTerms[servers] ?? 0) - logSumExp(logTerms));
}
