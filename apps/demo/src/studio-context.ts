import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import type { ConnectionState } from './connection.js';
import type { Route } from './route.js';
import type { StudioApi } from './studio-api.js';

/** What every view of the studio reads. */
export interface StudioContextValue {
  readonly api: StudioApi;
  readonly connection: ConnectionState;
  /** Goes to a page (history entry). */
  readonly navigate: (route: Route) => void;
  /** Reports a failed call: an unreachable service starts the reconnect probe. */
  readonly reportError: (error: unknown) => void;
}

/** The studio's context (set by `App`). */
export const StudioContext = createContext<StudioContextValue | undefined>(undefined);

/** Reads the studio's context. @throws {Error} outside of `App`. */
export function useStudio(): StudioContextValue {
  const value = useContext(StudioContext);
  if (value === undefined)
    throw new Error('useStudio: expected to be rendered inside <App>, received no StudioContext');
  return value;
}
