/** A signal linked to several others, plus the way to unlink it. */
export interface LinkedSignal {
  /** Aborted as soon as any source aborts (with that source's reason). */
  readonly signal: AbortSignal;
  /** Removes the listeners on the sources; call it when the work is done. */
  readonly dispose: () => void;
}

/** Links `sources` (undefined entries ignored) into one signal, without leaking listeners. */
export function linkSignals(sources: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];
  for (const source of sources) {
    if (source === undefined) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = (): void => {
      controller.abort(source.reason);
    };
    source.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => {
      source.removeEventListener('abort', onAbort);
    });
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const cleanup of cleanups) cleanup();
      cleanups.length = 0;
    },
  };
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. Never leaves a timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
