/** `resources:` of a serverless Spark job: instance type and Spark runtime version. */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';

/** Instance types serverless Spark accepts (compared case-insensitively). */
export const SPARK_INSTANCE_TYPES = [
  'standard_e4s_v3',
  'standard_e8s_v3',
  'standard_e16s_v3',
  'standard_e32s_v3',
  'standard_e64s_v3',
] as const;

/** Spark runtime versions azure-ai-ml 1.4.0 accepts when building the REST body. */
export const SPARK_RUNTIME_VERSIONS = ['3.1', '3.2'] as const;

/** A runtime version written as a number (`3.2`) or a string (`"3.4.0"`); the entity keeps a string. */
const runtimeVersion = s.transform(
  s.union([s.string({ nonEmpty: true }), s.number()], 'a version such as "3.2"'),
  (v) => String(v),
  (v) => v,
);

/** Serverless Spark resources. The instance type is kept as written. */
export const sparkResourcesSchema = s.object(
  {
    instance_type: s.string({ nonEmpty: true }).optional().describe('e.g. standard_e4s_v3'),
    runtime_version: runtimeVersion.optional().describe('Spark runtime version, e.g. "3.2".'),
  },
  { expected: 'a resources mapping {instance_type, runtime_version}' },
);

/** Serverless Spark resources. */
export type SparkResources = Infer<typeof sparkResourcesSchema>;
