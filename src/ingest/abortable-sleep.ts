import { setTimeout as delay } from "node:timers/promises";

/** Waits `ms`, rejecting as soon as `signal` aborts (at once if it already has). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal });
};
