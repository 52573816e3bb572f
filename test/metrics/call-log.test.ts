/**
 * The collector writes the router's calls down and applies them to its books later, in batches
 * (collector.ts, call-log.ts). Applied later or at once, the books must come out the same to the
 * bit: these tests feed the same histories to collectors that apply each call at once
 * (`loggedCalls` 1) and to collectors that hold a few or many calls, and compare every number.
 * They fail if anything the view says of a job is read when a row is applied rather than when
 * the call was made (the job's slot may hold another job by then), or if rows are applied out of
 * order, lost, or applied twice.
 */
import { describe, expect, it } from "vitest";
import { arrivalStreamIndexer } from "../../src/metrics/arrival-streams.ts";
import { ChannelIndex } from "../../src/metrics/call-log.ts";
import {
  LOGGED_CALLS,
  MetricsCollector,
  type MetricsSettings,
} from "../../src/metrics/collector.ts";
import type { RouterEvent } from "../../src/router/events/events.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";
import { answeredJob, events, inTimeOrder, testSettings } from "./router-events.ts";

/** The metrics of `stream` through a collector holding up to `loggedCalls` calls. */
function metricsOf(
  settings: MetricsSettings,
  stream: readonly RouterEvent[],
  endSeconds: number,
  loggedCalls: number,
) {
  const collector = new MetricsCollector(settings, undefined, loggedCalls);
  for (const event of stream) collector.observe(event);
  return collector.finish(endSeconds);
}

/** Log sizes that apply mid-history at different points, and the collector's own. */
const LOG_SIZES = [2, 3, 7, 64, LOGGED_CALLS];

describe("the collector's call log", () => {
  it("reads a job's arrival stream and channel when the call is made, not when applied", () => {
    // One job slot serves three jobs in turn (the replay, like the router, reuses the slot of a
    // closed job): of stream a on voice, of stream b on chat, of stream a on chat. A log that
    // read the id or the channel of slot 0 when applying would give the later job's.
    const chat = { channelId: "chat", capacityCostPerJob: 2, maxNumberOfJobs: null };
    const voice = { channelId: "voice", capacityCostPerJob: 4, maxNumberOfJobs: null };
    const stream = inTimeOrder(
      [events.workerRegistered(0, "w-1", ["q"], 4, [voice, chat])],
      answeredJob({ ...times(1), id: "a-1", queueId: "q", workerId: "w-1", channelId: "voice" }),
      answeredJob({ ...times(10), id: "b-1", queueId: "q", workerId: "w-1", channelId: "chat" }),
      answeredJob({ ...times(20), id: "a-2", queueId: "q", workerId: "w-1", channelId: "chat" }),
    );
    const settings = testSettings({ arrivalIds: ["a", "b"] });
    const atOnce = metricsOf(settings, stream, 40, 1);
    expect(atOnce.arrivals.a?.arrived).toBe(2);
    expect(atOnce.arrivals.b?.arrived).toBe(1);
    for (const size of LOG_SIZES) expect(metricsOf(settings, stream, 40, size)).toEqual(atOnce);
  });

  it("applies the held calls before a (de)registration, which reads the view's details now", () => {
    // w-1 takes a-1 with capacity 1, is re-registered with capacity 2 while a-1 rings, takes
    // a-2 as well, then leaves. Applied before the held offer, the re-registration would make
    // a-1's hold half a worker instead of a whole one.
    const stream = inTimeOrder(
      [events.workerRegistered(0, "w-1", ["q"], 1)],
      answeredJob({ ...times(1), id: "a-1", queueId: "q", workerId: "w-1" }),
      [events.workerRegistered(1.5, "w-1", ["q"], 2)],
      answeredJob({ ...times(3), id: "a-2", queueId: "q", workerId: "w-1" }),
      [events.workerDeregistered(3.5, "w-1")],
    );
    const atOnce = metricsOf(testSettings(), stream, 20, 1);
    expect(atOnce.overall.assigned).toBe(2);
    for (const size of LOG_SIZES)
      expect(metricsOf(testSettings(), stream, 20, size)).toEqual(atOnce);
  });

  it("gives every number of simulated days exactly as applying each call at once", async () => {
    for (const file of ["omnichannel", "multi-skill", "escalation", "voice-50"]) {
      const scenario = await loadScenario(`scenarios/${file}.yaml`);
      const short = { ...scenario, horizonSeconds: 2 * 3600, warmupSeconds: 600 };
      const stream: RouterEvent[] = [];
      runReplication(short, { replication: 1, onEvent: (event) => stream.push(event) });
      const arrivalIds = short.arrivals.map((arrival) => arrival.id);
      const settings = testSettings({
        warmupSeconds: short.warmupSeconds,
        horizonSeconds: short.horizonSeconds,
        intervalSeconds: short.intervalLengthSeconds,
        serviceLevelThresholdSeconds: short.serviceLevelThresholdSeconds,
        queueIds: short.queues.map((queue) => queue.id),
        arrivalIds,
        arrivalOfJob: arrivalStreamIndexer(arrivalIds),
      });
      const end = (stream.at(-1) as RouterEvent).timeSeconds;
      const atOnce = metricsOf(settings, stream, end, 1);
      expect(atOnce.overall.arrived, file).toBeGreaterThan(50);
      for (const size of LOG_SIZES) {
        expect(metricsOf(settings, stream, end, size), `${file}, ${size} calls`).toEqual(atOnce);
      }
    }
  });

  it("answers liveJobCount and workerCount with the held calls applied", () => {
    const collector = new MetricsCollector(testSettings(), undefined, 100);
    collector.observe(events.workerRegistered(0, "w-1", ["q"]));
    collector.observe(events.received(1, "a-1"));
    collector.observe(events.received(2, "a-2"));
    expect(collector.liveJobCount).toBe(2);
    expect(collector.workerCount).toBe(1);
  });
});

describe("ChannelIndex", () => {
  it("numbers channel ids in order of first sight and gives each id back", () => {
    const channels = new ChannelIndex();
    const ids = ["voice", "chat", "voice", "email", "chat", "chat", "voice"];
    expect(ids.map((id) => channels.indexOf(id))).toEqual([0, 1, 0, 2, 1, 1, 0]);
    // A string equal to a known id but not the same object (built at run time) is the same id.
    expect(channels.indexOf(["em", "ail"].join(""))).toBe(2);
    expect([0, 1, 2].map((index) => channels.idOf(index))).toEqual(["voice", "chat", "email"]);
  });
});

/** A job's times: arrives at `at`, offered and accepted at once, done 5 s later. */
function times(at: number) {
  return { arriveAt: at, offerAt: at, acceptAt: at + 1, completeAt: at + 5, closeAt: at + 5 };
}
