/**
 * `@amlkit/core` reads `process.cwd()` as the default base folder of entities. The page has
 * no process; this gives it a root folder and an empty environment. It sets no
 * `process.versions.node`, so the client still knows it runs in a browser.
 */
const scope = globalThis as { process?: unknown };
scope.process ??= { cwd: (): string => '/', env: {} };

export {};
