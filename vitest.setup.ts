import fc from 'fast-check';

// Property tests explore new cases on every local run; CI replays one fixed sequence so that a
// landing never depends on the draw. FC_SEED=<n> replays a failure a run printed.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261127' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
