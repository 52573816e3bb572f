/**
 * Delivers router events to subscribers, synchronously and in emission order. While a
 * listener runs, `inListener` is true and the router refuses operations, so a listener cannot
 * interleave new events into the middle of a cause-and-effect sequence (§8 q).
 */
import type { RouterEvent, RouterListener } from "./events.ts";

/** Subscriber list with a re-entrancy flag. */
export class RouterEmitter {
  private listeners: RouterListener[] = [];
  /** True while a listener is running. */
  inListener = false;

  /** Whether anyone listens; callers skip building events when not. */
  get active(): boolean {
    return this.listeners.length > 0;
  }

  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: RouterListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((candidate) => candidate !== listener);
    };
  }

  /** Calls every listener with the event. */
  emit(event: RouterEvent): void {
    const listeners = this.listeners;
    this.inListener = true;
    try {
      for (let i = 0; i < listeners.length; i++) (listeners[i] as RouterListener)(event);
    } finally {
      this.inListener = false;
    }
  }
}
