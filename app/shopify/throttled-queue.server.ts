// Bounded concurrency for many Admin API calls at once (e.g. creating a discount code for each of 500 imported
// creators). Shopify's bucket is per app and shop, so firing everything in parallel only buys THROTTLED answers.
// The queue caps the requests in flight; the AdminApi they share already waits out a throttle for all of them, and if
// a task still ends in ShopifyThrottledError the queue stops starting new tasks until the bucket has refilled.
import { ShopifyThrottledError } from "./shopify-errors.server";

export interface ThrottledQueueOptions {
  /** Tasks allowed in flight at once; a positive integer. */
  concurrency: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The outcome of one item of `settleAll`, in input order. */
export type SettledItem<TItem, TResult> =
  | { item: TItem; ok: true; value: TResult }
  | { item: TItem; ok: false; error: unknown };

export interface ThrottledQueue {
  /** Run `task` when a slot is free; resolves or rejects with the task. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Run `work` for every item through the queue; never rejects, each item reports its own outcome. */
  settleAll<TItem, TResult>(items: readonly TItem[], work: (item: TItem) => Promise<TResult>): Promise<SettledItem<TItem, TResult>[]>;
  /** Resolves once nothing is running or waiting. */
  onIdle(): Promise<void>;
  readonly active: number;
  readonly waiting: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Create a queue running at most `concurrency` tasks at once, pausing new starts after an exhausted throttle. */
export function createThrottledQueue(options: ThrottledQueueOptions): ThrottledQueue {
  const { concurrency } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const sleep = options.sleep ?? defaultSleep;
  const pending: Array<() => void> = [];
  let active = 0;
  let pauses = 0;
  let idleWaiters: Array<() => void> = [];

  function pump(): void {
    while (pauses === 0 && active < concurrency && pending.length > 0) {
      const start = pending.shift();
      if (!start) break;
      active += 1;
      start();
    }
    if (active === 0 && pending.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function pauseFor(ms: number): void {
    pauses += 1;
    void sleep(ms).then(() => {
      pauses -= 1;
      pump();
    });
  }

  function run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      pending.push(() => {
        Promise.resolve()
          .then(task)
          .then(resolve, (error: unknown) => {
            if (error instanceof ShopifyThrottledError) pauseFor(error.suggestedWaitMs);
            reject(error);
          })
          .finally(() => {
            active -= 1;
            pump();
          });
      });
      pump();
    });
  }

  return {
    run,
    async settleAll<TItem, TResult>(items: readonly TItem[], work: (item: TItem) => Promise<TResult>) {
      return Promise.all(
        items.map((item) =>
          run(() => work(item)).then(
            (value): SettledItem<TItem, TResult> => ({ item, ok: true, value }),
            (error: unknown): SettledItem<TItem, TResult> => ({ item, ok: false, error }),
          ),
        ),
      );
    },
    onIdle() {
      if (active === 0 && pending.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    get active() {
      return active;
    },
    get waiting() {
      return pending.length;
    },
  };
}
