/**
 * The people who handle jobs: each worker's behavior, with its distributions built once per
 * worker group, and each person's own named random streams (`worker:<id>:response`, …), so one
 * person's choices never shift another's. A person's `active` flag follows the service's
 * registration events; `reRegisterTimer` is the pending re-registration after an expiry, if any.
 */
import { NO_TIMER } from "../engine/engine.ts";
import type { Distribution, RandomStream } from "../random/index.ts";
import { createDistribution } from "../random/index.ts";
import type { WorkerBehavior } from "../scenario/index.ts";

/** A behavior with its distributions built once per worker group. */
export interface PreparedBehavior {
  readonly behavior: WorkerBehavior;
  readonly responseTime: Distribution;
  readonly wrapUpTime: Distribution;
  readonly unassignAfter: Distribution;
  readonly reRegisterAfter: Distribution;
}

/** Builds the distributions of a behavior. */
export function prepareBehavior(behavior: WorkerBehavior): PreparedBehavior {
  return {
    behavior,
    responseTime: createDistribution(behavior.responseTime),
    wrapUpTime: createDistribution(behavior.wrapUpTime),
    unassignAfter: createDistribution(behavior.unassignAfter),
    reRegisterAfter: createDistribution(behavior.reRegisterAfter),
  };
}

/** One person, with their own random streams. */
export interface Person {
  readonly id: string;
  readonly prepared: PreparedBehavior;
  readonly responseRandom: RandomStream;
  readonly decisionRandom: RandomStream;
  readonly wrapUpRandom: RandomStream;
  readonly unassignRandom: RandomStream;
  readonly reRegisterRandom: RandomStream;
  /** Registered with the service (`active`), as its events say. */
  active: boolean;
  reRegisterTimer: number;
}

/** Creates a person's streams under `worker:<id>`. */
export function createPerson(id: string, prepared: PreparedBehavior, random: RandomStream): Person {
  const own = (purpose: string) => random.fork(`worker:${id}:${purpose}`);
  return {
    id,
    prepared,
    responseRandom: own("response"),
    decisionRandom: own("decision"),
    wrapUpRandom: own("wrapUp"),
    unassignRandom: own("unassign"),
    reRegisterRandom: own("reRegister"),
    active: false,
    reRegisterTimer: NO_TIMER,
  };
}
