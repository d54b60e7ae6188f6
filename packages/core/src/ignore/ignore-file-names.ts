/**
 * The ignore files azure-ai-ml reads at the root of an uploaded folder, in precedence order:
 * `.amlignore` if it exists, else `.gitignore` (never both, never nested ones).
 */
export const IGNORE_FILE_NAMES = ['.amlignore', '.gitignore'] as const;

/** One of {@link IGNORE_FILE_NAMES}. */
export type IgnoreFileName = (typeof IGNORE_FILE_NAMES)[number];
