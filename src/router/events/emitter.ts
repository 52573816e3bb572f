/**
 * Delivers what the router says to its observers, synchronously and in registration order. While
 * an observer runs, `inListener` is true and the router refuses operations, so an observer cannot
 * interleave new calls into the middle of a cause-and-effect sequence (§8 q). Call sites test
 * `active` first, so a router nobody observes does no work at all.
 */

import type { WorkerSelector } from "../types.ts";
import type { RouterObserver } from "./observer.ts";

/** The observer list with a re-entrancy flag; itself an observer that fans out. */
export class RouterEmitter implements RouterObserver {
  private observers: RouterObserver[] = [];
  /** True while an observer is running. */
  inListener = false;

  /** Whether anyone observes; callers skip the calls when not. */
  get active(): boolean {
    return this.observers.length > 0;
  }

  /** Adds an observer (after the ones already there); returns a function that removes it. */
  observe(observer: RouterObserver): () => void {
    this.observers = [...this.observers, observer];
    return () => {
      this.observers = this.observers.filter((candidate) => candidate !== observer);
    };
  }

  jobReceived(timeSeconds: number, job: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobReceived(timeSeconds, job);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobClassified(timeSeconds: number, job: number, queue: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobClassified(timeSeconds, job, queue);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobClassificationFailed(
    timeSeconds: number,
    job: number,
    classificationPolicyId: string,
    error: { readonly code: string; readonly message: string },
  ): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobClassificationFailed(
          timeSeconds,
          job,
          classificationPolicyId,
          error,
        );
      }
    } finally {
      this.inListener = false;
    }
  }

  jobQueued(timeSeconds: number, job: number, queue: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobQueued(timeSeconds, job, queue);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobWaitingForActivation(timeSeconds: number, job: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobWaitingForActivation(timeSeconds, job);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobUnassigned(timeSeconds: number, job: number, assignment: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobUnassigned(timeSeconds, job, assignment, worker);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobCompleted(timeSeconds: number, job: number, assignment: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobCompleted(timeSeconds, job, assignment, worker);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobClosed(timeSeconds: number, job: number, assignment: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobClosed(timeSeconds, job, assignment, worker);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobCancelled(
    timeSeconds: number,
    job: number,
    note: string | null,
    dispositionCode: string,
  ): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobCancelled(timeSeconds, job, note, dispositionCode);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobExceptionTriggered(timeSeconds: number, job: number, exceptionRuleId: string): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobExceptionTriggered(timeSeconds, job, exceptionRuleId);
      }
    } finally {
      this.inListener = false;
    }
  }

  jobWorkerSelectorsExpired(
    timeSeconds: number,
    job: number,
    expiredRequested: readonly WorkerSelector[],
    expiredAttached: readonly WorkerSelector[],
  ): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).jobWorkerSelectorsExpired(
          timeSeconds,
          job,
          expiredRequested,
          expiredAttached,
        );
      }
    } finally {
      this.inListener = false;
    }
  }

  offerIssued(
    timeSeconds: number,
    job: number,
    offer: number,
    worker: number,
    queue: number,
  ): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).offerIssued(timeSeconds, job, offer, worker, queue);
      }
    } finally {
      this.inListener = false;
    }
  }

  offerAccepted(
    timeSeconds: number,
    job: number,
    offer: number,
    worker: number,
    queue: number,
    assignment: number,
  ): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).offerAccepted(
          timeSeconds,
          job,
          offer,
          worker,
          queue,
          assignment,
        );
      }
    } finally {
      this.inListener = false;
    }
  }

  offerDeclined(timeSeconds: number, job: number, offer: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).offerDeclined(timeSeconds, job, offer, worker);
      }
    } finally {
      this.inListener = false;
    }
  }

  offerRevoked(timeSeconds: number, job: number, offer: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).offerRevoked(timeSeconds, job, offer, worker);
      }
    } finally {
      this.inListener = false;
    }
  }

  offerExpired(timeSeconds: number, job: number, offer: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).offerExpired(timeSeconds, job, offer, worker);
      }
    } finally {
      this.inListener = false;
    }
  }

  workerRegistered(timeSeconds: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).workerRegistered(timeSeconds, worker);
      }
    } finally {
      this.inListener = false;
    }
  }

  workerDeregistered(timeSeconds: number, worker: number): void {
    const observers = this.observers;
    this.inListener = true;
    try {
      for (let i = 0; i < observers.length; i++) {
        (observers[i] as RouterObserver).workerDeregistered(timeSeconds, worker);
      }
    } finally {
      this.inListener = false;
    }
  }
}
