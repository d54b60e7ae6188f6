declare const __AMLKIT_CLI_VERSION__: string | undefined;

/** The version of `@amlkit/cli`, inlined by the build; `0.0.0-dev` when running from source. */
export const VERSION: string =
  typeof __AMLKIT_CLI_VERSION__ === 'string' ? __AMLKIT_CLI_VERSION__ : '0.0.0-dev';
