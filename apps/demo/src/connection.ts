/** The page's view of the service connection. */
export interface ConnectionState {
  /** Whether the last call reached the service. */
  readonly online: boolean;
  /** Incremented each time the service comes back, so views reload. */
  readonly generation: number;
}

/** Options of {@link createConnectionMonitor}. */
export interface ConnectionMonitorOptions {
  /** Resolves whether the service answers. */
  readonly probe: () => Promise<boolean>;
  /** Called on every change. */
  readonly onChange: (state: ConnectionState) => void;
  /** First retry delay; doubles up to `maxDelayMs`. @default 500 */
  readonly baseDelayMs?: number;
  /** @default 5000 */
  readonly maxDelayMs?: number;
  /** Schedules a retry (injectable for tests). @default setTimeout */
  readonly schedule?: (run: () => void, delayMs: number) => void;
}

/** Watches the service: a failed call marks it offline and probes until it answers again. */
export interface ConnectionMonitor {
  readonly state: ConnectionState;
  /** Reports a call that could not reach the service. */
  reportUnreachable(): void;
  /** Stops probing. */
  close(): void;
}

/** Creates a {@link ConnectionMonitor}. */
export function createConnectionMonitor(options: ConnectionMonitorOptions): ConnectionMonitor {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 5000;
  const schedule = options.schedule ?? ((run, delayMs) => void setTimeout(run, delayMs));
  let state: ConnectionState = { online: true, generation: 0 };
  let probing = false;
  let closed = false;
  const set = (next: ConnectionState): void => {
    state = next;
    options.onChange(state);
  };
  const probe = (delayMs: number): void => {
    schedule(() => {
      if (closed) return;
      void options.probe().then(
        (ok) => {
          if (closed) return;
          if (ok) {
            probing = false;
            set({ online: true, generation: state.generation + 1 });
          } else probe(Math.min(max, delayMs * 2));
        },
        () => {
          if (!closed) probe(Math.min(max, delayMs * 2));
        },
      );
    }, delayMs);
  };
  return {
    get state() {
      return state;
    },
    reportUnreachable() {
      if (closed || probing) return;
      probing = true;
      set({ online: false, generation: state.generation });
      probe(base);
    },
    close() {
      closed = true;
    },
  };
}
