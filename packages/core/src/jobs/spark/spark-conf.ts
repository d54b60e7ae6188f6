/**
 * Spark `conf:`: any `spark.*` key passes through; the well-known keys (§1.7) are
 * type-checked and exposed on {@link SparkJob} as `driverCores`, `driverMemory`, ….
 */
import { describeReceived, isRecord } from '../../internal/received.js';
import { s } from '../../schema/builders.js';
import { INVALID } from '../../schema/schema.js';
import type { JsonSchema, ParseContext } from '../../schema/schema.js';

/** A value in `conf:`. */
export type SparkConfValue = string | number | boolean;

/** The Spark configuration, keyed by the dotted Spark names. */
export type SparkConf = Record<string, SparkConfValue>;

/** Entity attribute → dotted Spark key of the well-known settings. */
export const SparkConfKey = {
  driverCores: 'spark.driver.cores',
  driverMemory: 'spark.driver.memory',
  executorCores: 'spark.executor.cores',
  executorMemory: 'spark.executor.memory',
  executorInstances: 'spark.executor.instances',
  dynamicAllocationEnabled: 'spark.dynamicAllocation.enabled',
  dynamicAllocationMinExecutors: 'spark.dynamicAllocation.minExecutors',
  dynamicAllocationMaxExecutors: 'spark.dynamicAllocation.maxExecutors',
} as const;

/** A well-known Spark setting (entity attribute name). */
export type SparkConfKey = keyof typeof SparkConfKey;

/** Memory sizes such as `2g` or `512m` (the SDK's regex). */
export const SPARK_MEMORY_PATTERN = /^\d+[kKmMgGtTpP]$/;

type Kind = 'integer' | 'memory' | 'boolean';

const KINDS: Readonly<Record<string, Kind>> = {
  [SparkConfKey.driverCores]: 'integer',
  [SparkConfKey.driverMemory]: 'memory',
  [SparkConfKey.executorCores]: 'integer',
  [SparkConfKey.executorMemory]: 'memory',
  [SparkConfKey.executorInstances]: 'integer',
  [SparkConfKey.dynamicAllocationEnabled]: 'boolean',
  [SparkConfKey.dynamicAllocationMinExecutors]: 'integer',
  [SparkConfKey.dynamicAllocationMaxExecutors]: 'integer',
};

const EXPECTED: Readonly<Record<Kind, string>> = {
  integer: 'an integer',
  memory: "a memory size such as '2g' or '512m'",
  boolean: 'a boolean',
};

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
]);

function parseKnown(
  kind: Kind,
  value: unknown,
  key: string,
  ctx: ParseContext,
): SparkConfValue | typeof INVALID {
  switch (kind) {
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
      break;
    case 'memory':
      if (typeof value === 'string' && SPARK_MEMORY_PATTERN.test(value)) return value;
      break;
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const b = typeof value === 'string' ? BOOLEAN_WORDS.get(value.toLowerCase()) : undefined;
      if (b !== undefined) return b;
      break;
    }
  }
  ctx.report('JOB_INVALID_VALUE', `Invalid value for Spark setting '${key}'.`, {
    at: key,
    expected: EXPECTED[kind],
    received: describeReceived(value),
  });
  return INVALID;
}

/** `conf:` of a Spark job or node. */
export const sparkConfSchema = s
  .custom<SparkConf>({
    expected: 'a mapping of Spark settings',
    parse(value, ctx) {
      if (!isRecord(value)) {
        ctx.report('JOB_INVALID_TYPE', 'Not a valid mapping type.', {
          expected: 'a mapping of Spark settings',
          received: describeReceived(value),
        });
        return INVALID;
      }
      const out: SparkConf = {};
      let ok = true;
      for (const [key, raw] of Object.entries(value)) {
        if (raw === null || raw === undefined) continue;
        const kind = KINDS[key];
        if (kind !== undefined) {
          const parsed = parseKnown(kind, raw, key, ctx);
          if (parsed === INVALID) ok = false;
          else out[key] = parsed;
        } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
          out[key] = raw;
        } else {
          ctx.report('JOB_INVALID_TYPE', `Spark setting '${key}' must be a scalar.`, {
            at: key,
            expected: 'a string, number or boolean',
            received: describeReceived(raw),
          });
          ok = false;
        }
      }
      return ok ? out : INVALID;
    },
    matches: isRecord,
    jsonSchema: (): JsonSchema => ({
      type: 'object',
      properties: {
        [SparkConfKey.driverCores]: { type: 'integer' },
        [SparkConfKey.driverMemory]: { type: 'string', pattern: SPARK_MEMORY_PATTERN.source },
        [SparkConfKey.executorCores]: { type: 'integer' },
        [SparkConfKey.executorMemory]: { type: 'string', pattern: SPARK_MEMORY_PATTERN.source },
        [SparkConfKey.executorInstances]: { type: 'integer' },
        [SparkConfKey.dynamicAllocationEnabled]: { type: 'boolean' },
        [SparkConfKey.dynamicAllocationMinExecutors]: { type: 'integer' },
        [SparkConfKey.dynamicAllocationMaxExecutors]: { type: 'integer' },
      },
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    }),
  })
  .describe('Spark configuration (spark.driver.cores, spark.executor.memory, …).');
