import { md5Hex } from './md5.js';
import { isPyFloat, type PyValue } from './py-float.js';
import { pythonStrJoin } from './python-str-join.js';
import { pyyamlDump } from './pyyaml-dump.js';

/** What the SDK hashes to version an inline (anonymous) environment. */
export interface AnonymousEnvironmentVersionInput {
  /** `image:` of the environment; exclusive with `build`. */
  readonly image?: string;
  /**
   * The conda file as PyYAML `yaml.dump(parsed_conda_file, sort_keys=True)` text (golden field
   * `conda_file_yaml`); get it with {@link pyyamlDump} of the parsed file. Only used with `image`.
   */
  readonly condaFileYaml?: string;
  /** `inference_config:` mapping, dumped with {@link pyyamlDump} before hashing. Only used with `image`. */
  readonly inferenceConfig?: PyValue;
  /** Docker build context: exclusive with `image`. */
  readonly build?: {
    /** Content hash of the build folder (golden field `build_upload_hash`), see `buildContextUploadHash`. */
    readonly uploadHash: string;
    /** `build.dockerfile_path` exactly as written (golden field `build_dockerfile_path`). */
    readonly dockerfilePath?: string;
  };
}

/** Options of {@link anonymousEnvironmentVersion}. */
export interface AnonymousEnvironmentVersionOptions {
  /**
   * The MD5 to use (UTF-8 bytes in, 32 lowercase hex characters out). Node callers may pass a
   * `node:crypto` one (the loader does); the result is the same.
   * @default md5Hex (pure JavaScript, runs in browsers)
   */
  readonly md5Hex?: (text: string) => string;
}

/**
 * The version `V` of `WS/environments/CliV2AnonymousEnvironment/versions/<V>`, as azure-ai-ml
 * 1.4.0's `Environment._generate_anonymous_name_version` computes it (`md5` = lowercase hex MD5
 * of UTF-8, `join` = Python's `str.join` over the characters of the right-hand string):
 * - image: `h = md5(image)`; `h = h.join(md5(yaml.dump(inference_config)))` if an inference
 *   config is given; `h = h.join(md5(conda_yaml))` if a conda file is given; `V = md5(h)`;
 * - build: `V = md5(md5(u))`, or `md5(md5(u).join(md5(dockerfile_path)))` with a dockerfile path.
 *
 * Empty strings and an empty inference config count as absent, as Python's truthiness does.
 *
 * @throws TypeError when neither or both of `image` and `build` are given.
 * @example
 * ```ts
 * anonymousEnvironmentVersion({ image: 'library/python:latest' });
 * // 'e6b10c1cf68e59c9ebd6f84184973c4b'
 * ```
 */
export function anonymousEnvironmentVersion(
  input: AnonymousEnvironmentVersionInput,
  options: AnonymousEnvironmentVersionOptions = {},
): string {
  const md5 = options.md5Hex ?? md5Hex;
  const hasImage = input.image !== undefined && input.image !== '';
  const hasBuild = input.build !== undefined;
  if (hasImage === hasBuild) {
    throw new TypeError(
      `anonymousEnvironmentVersion: cannot version the environment: expected exactly one of image or build, received ${hasImage ? 'both' : 'neither'}`,
    );
  }
  let hash = '';
  if (input.image !== undefined && input.image !== '') {
    hash = pythonStrJoin(hash, md5(input.image));
    if (isTruthy(input.inferenceConfig)) {
      hash = pythonStrJoin(hash, md5(pyyamlDump(input.inferenceConfig, { sortKeys: true })));
    }
    if (input.condaFileYaml !== undefined && input.condaFileYaml !== '') {
      hash = pythonStrJoin(hash, md5(input.condaFileYaml));
    }
  } else if (input.build !== undefined) {
    const { uploadHash, dockerfilePath } = input.build;
    hash = pythonStrJoin(hash, md5(uploadHash));
    if (dockerfilePath !== undefined && dockerfilePath !== '') {
      hash = pythonStrJoin(hash, md5(dockerfilePath));
    }
  }
  return md5(hash);
}

/** Python truthiness: None, False, 0, 0.0, '' and empty lists/dicts are false. */
function isTruthy(value: PyValue | undefined): value is PyValue {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (isPyFloat(value)) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some((item) => item !== undefined);
  return true;
}
