/**
 * `environment:` — a reference (`azureml:name:version`, `azureml:name@label`,
 * `azureml://registries/…`, an ARM id), a `file:` reference to an environment YAML, or
 * an inline (anonymous) environment with `image`, `conda_file` and/or `build`.
 */
import { resolve } from 'node:path';
import { anonymousEnvironmentVersion } from '../hashing/anonymous-environment-version.js';
import { buildContextUploadHash } from '../hashing/build-context-hash.node.js';
import { md5HexNode } from '../hashing/md5.node.js';
import type { PyValue } from '../hashing/py-float.js';
import { pyyamlDump } from '../hashing/pyyaml-dump.js';
import { describeReceived, isRecord } from '../internal/received.js';
import { isLocalPath, stripFilePrefix } from '../internal/references.js';
import { s } from '../schema/builders.js';
import { INVALID } from '../schema/schema.js';
import type { Infer, Invalid, ParseContext } from '../schema/schema.js';

/** The name the SDK gives every inline environment. */
export const ANONYMOUS_ENVIRONMENT_NAME = 'CliV2AnonymousEnvironment';

const buildSchema = s.object(
  {
    path: s
      .string({ nonEmpty: true })
      .describe('Docker build context folder (relative to the YAML file) or URL.'),
    dockerfile_path: s.string().optional().describe('Dockerfile path inside the context.'),
  },
  { expected: 'a build mapping {path, dockerfile_path}' },
);

const inlineShape = s.object(
  {
    name: s.string().optional().describe('Ignored: inline environments are anonymous.'),
    version: s.union([s.string(), s.number()]).optional(),
    description: s.string().optional(),
    tags: s.record(s.string()).optional(),
    properties: s.record(s.string()).optional(),
    image: s.string({ nonEmpty: true }).optional().describe('Docker image.'),
    conda_file: s
      .union(
        [s.string({ nonEmpty: true }), s.record(s.any())],
        'a path to a conda YAML file or an inline conda mapping',
      )
      .optional(),
    build: buildSchema.optional(),
    os_type: s.enum(['linux', 'windows']).optional(),
    inference_config: s.record(s.any()).optional(),
    datastore: s.string().optional(),
  },
  {
    expected: 'an environment mapping {image | build, conda_file}',
    check(value, ctx) {
      if (value.image === undefined && value.build === undefined) {
        ctx.report('JOB_MISSING_FIELD', "An inline environment needs 'image' or 'build'.", {
          anchor: 'value',
          expected: "an 'image' or a 'build' key",
          received: 'neither',
        });
      } else if (value.image !== undefined && value.build !== undefined) {
        ctx.report(
          'JOB_INVALID_VALUE',
          "An inline environment takes 'image' or 'build', not both.",
          {
            at: 'build',
            anchor: 'key',
            expected: "only one of 'image' and 'build'",
            received: 'both',
          },
        );
      }
    },
  },
);

/** An inline (anonymous) environment as the entity holds it. */
export type InlineEnvironment = Infer<typeof inlineShape>;

/** An environment: a reference string or an inline environment. */
export type JobEnvironment = string | InlineEnvironment;

const REGISTRY_RE =
  /^azureml:\/\/registries\/[^/\s]+\/environments\/[^/\s]+\/(?:versions|labels)\/[^/\s]+$/;
const ARM_RE =
  /^azureml:\/subscriptions\/[^/\s]+\/resource[gG]roups\/[^/\s]+\/providers\/Microsoft\.MachineLearningServices\/(?:workspaces|registries)\/[^/\s]+\/environments\/[^/\s]+(?:\/versions\/[^/\s]+)?$/;
const SHORT_RE = /^azureml:[A-Za-z0-9_][A-Za-z0-9_.-]*(?::[^\s/]+|@[A-Za-z0-9_.-]+)?$/;

const REFERENCE_EXPECTED =
  "an environment reference ('azureml:<name>:<version>', 'azureml:<name>@latest', 'azureml://registries/…'), a 'file:' path or an inline mapping";

function checkReference(value: string, ctx: ParseContext): string | Invalid {
  if (SHORT_RE.test(value) || REGISTRY_RE.test(value) || ARM_RE.test(value)) return value;
  const hint = value.startsWith('azureml:')
    ? undefined
    : "prefix a registered environment with 'azureml:' (azureml:<name>:<version>), or use an inline mapping";
  ctx.report('JOB_INVALID_ENVIRONMENT', 'Not a valid environment reference.', {
    expected: REFERENCE_EXPECTED,
    received: describeReceived(value),
    ...(hint === undefined ? {} : { hint }),
  });
  return INVALID;
}

/** The loader runs in Node: hash with `node:crypto` (same digests as the pure-JS MD5). */
const NODE_MD5 = { md5Hex: md5HexNode } as const;

/** Fills in the anonymous name/version (and loads a `conda_file` path) after the synchronous pass. */
function finishInline(env: InlineEnvironment, ctx: ParseContext): InlineEnvironment {
  const basePath = ctx.env.basePath;
  env.name = ANONYMOUS_ENVIRONMENT_NAME;
  env.tags ??= {};
  const build = env.build;
  if (build !== undefined) {
    delete env.version;
    if (isLocalPath(build.path)) {
      const folder = resolve(basePath, stripFilePrefix(build.path));
      build.path = folder;
      ctx.defer(async (c) => {
        if ((await c.env.pathKind(folder)) === undefined) {
          c.path.push('build', 'path');
          c.report('JOB_PATH_NOT_FOUND', `Can't find the build context folder: ${folder}.`, {
            expected: 'an existing folder (relative to the file that contains it)',
            received: describeReceived(folder),
          });
          return;
        }
        const uploadHash = buildContextUploadHash(folder);
        env.version = anonymousEnvironmentVersion(
          {
            build:
              build.dockerfilePath === undefined
                ? { uploadHash }
                : { uploadHash, dockerfilePath: build.dockerfilePath },
          },
          NODE_MD5,
        );
      });
    }
  }
  const conda = env.condaFile;
  if (typeof conda === 'string') {
    ctx.defer(async (c) => {
      c.path.push('conda_file');
      const doc = await c.env.loadRelative(conda, c);
      if (doc === undefined) return;
      if (!isRecord(doc.value)) {
        c.report('JOB_INVALID_TYPE', 'The conda file is not a mapping.', {
          expected: 'a conda YAML mapping',
          received: describeReceived(doc.value),
        });
        return;
      }
      env.condaFile = doc.value;
      setVersion(env);
    });
  } else setVersion(env);
  return env;
}

/** The anonymous version of an image environment (a PyYAML dump of the conda file, then MD5). */
function imageVersion(
  image: string,
  condaFile: InlineEnvironment['condaFile'],
  inferenceConfig: InlineEnvironment['inferenceConfig'],
): string {
  const input: { image: string; condaFileYaml?: string; inferenceConfig?: PyValue } = { image };
  if (isRecord(condaFile))
    input.condaFileYaml = pyyamlDump(condaFile as unknown as PyValue, { sortKeys: true });
  if (inferenceConfig !== undefined) input.inferenceConfig = inferenceConfig as unknown as PyValue;
  return anonymousEnvironmentVersion(input, NODE_MD5);
}

/** Replaces the lazy `version` accessor by a plain data property. */
function defineVersion(env: InlineEnvironment, value: unknown): void {
  Object.defineProperty(env, 'version', {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * Gives an image environment its anonymous version, computed on first read of `version`
 * (then kept as a plain property): the PyYAML dump and hash cost more than validating the
 * job, and validation alone never reads it. The inputs are the ones the environment has
 * now; `version` is an ordinary enumerable property for spreading, `toEqual` and JSON.
 */
function setVersion(env: InlineEnvironment): void {
  const { image, condaFile, inferenceConfig } = env;
  if (image === undefined) return;
  Object.defineProperty(env, 'version', {
    enumerable: true,
    configurable: true,
    get(): string {
      const version = imageVersion(image, condaFile, inferenceConfig);
      defineVersion(env, version);
      return version;
    },
    set(value: unknown): void {
      defineVersion(env, value);
    },
  });
}

/**
 * The YAML of an environment as the SDK dumps it: a reference as is; an inline environment
 * built in code gets the anonymous name, `tags: {}` and, for image environments, the
 * version the loader would compute (build-context versions need the folder: load them).
 */
export function environmentToYaml(env: JobEnvironment): unknown {
  if (typeof env === 'string') return env;
  const copy: InlineEnvironment = {
    ...env,
    name: ANONYMOUS_ENVIRONMENT_NAME,
    tags: env.tags ?? {},
  };
  if (copy.version === undefined && typeof copy.condaFile !== 'string') setVersion(copy);
  return environmentSchema.dump(copy);
}

const inlineEnvironmentSchema = s.transform(
  inlineShape,
  (v, ctx) => finishInline(v, ctx),
  (v) => v,
);

const referenceSchema = s.custom<JobEnvironment>({
  expected: REFERENCE_EXPECTED,
  parse(value, ctx) {
    if (typeof value !== 'string') {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid environment.', {
        expected: REFERENCE_EXPECTED,
        received: describeReceived(value),
      });
      return INVALID;
    }
    if (!value.startsWith('file:')) return checkReference(value, ctx);
    // `file:env.yml`: an anonymous environment defined in another file, validated in that file.
    const placeholder = {} as InlineEnvironment;
    ctx.defer(async (c) => {
      const doc = await c.env.loadRelative(value, c);
      if (doc === undefined) return;
      // Fill the placeholder itself, so work deferred inside the file (conda file, hashes) updates it.
      doc.validate(
        s.transform(
          inlineShape,
          (v, inner) => finishInline(Object.assign(placeholder, v), inner),
          (v) => v,
        ),
      );
    });
    return placeholder;
  },
  matches: (value) => typeof value === 'string',
  jsonSchema: () => ({ type: 'string', pattern: '^(azureml:|file:)' }),
});

/** The `environment:` field. */
export const environmentSchema = s
  .union([referenceSchema, inlineEnvironmentSchema], REFERENCE_EXPECTED)
  .describe(
    'Environment reference (azureml:<name>:<version>, azureml:<name>@latest, registry URI), file: path, or inline environment.',
  );
