/**
 * Comparison of our `toYamlObject()` with a golden `yaml_dict`. Every normalization is
 * listed here with the SDK 1.4.0 quirk it neutralizes (conformance README, "Known SDK
 * 1.4.0 quirks", and §7 of the semantics doc).
 */
import { CORPUS } from './corpus.js';

/** A normalization applied to the golden side, with its reason. */
export interface Normalization {
  name: string;
  reason: string;
}

/** The normalizations, by name. */
export const NORMALIZATIONS = {
  inputPathPrefix: {
    name: 'input-path-azureml-prefix',
    reason:
      "SDK 1.4.0 _to_dict() prefixes every data-input path with 'azureml:' even for URLs and local paths (quirk §7.2): reloading such a dump changes the path's meaning, so amlkit writes the path as given.",
  },
  booleanInputs: {
    name: 'boolean-literal-inputs',
    reason:
      'SDK 1.4.0 dumps boolean literal job inputs as 1/0 (quirk §7.1); amlkit writes true/false, which the SDK also reads.',
  },
  buildContextVersion: {
    name: 'build-context-environment-version',
    reason:
      'The Docker build context (Dockerfile etc.) is not shipped with the corpus (shipped_corpus_deviation), so the anonymous environment version hashed from its content cannot match the golden made from the full upstream checkout.',
  },
} as const satisfies Record<string, Normalization>;

/** AutoML data inputs: the same `azureml:` path quirk applies to them (they are `Input`s in the SDK). */
const AUTOML_DATA_KEYS: ReadonlySet<string> = new Set([
  'training_data',
  'validation_data',
  'test_data',
]);

/** Replaces the absolute corpus root with `<CORPUS>` in every string. */
export function withCorpusPlaceholder(value: unknown): unknown {
  if (typeof value === 'string') return value.split(CORPUS).join('<CORPUS>');
  if (Array.isArray(value)) return value.map(withCorpusPlaceholder);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withCorpusPlaceholder(v)]));
  }
  return value;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Options of {@link normalizeGolden}. */
export interface NormalizeOptions {
  /** The golden's environment version depends on files the corpus does not ship. */
  buildContextDeviation: boolean;
}

/**
 * Returns a copy of `golden` where each listed quirk is replaced by amlkit's value (only
 * where the two differ exactly by that quirk), and the names of the normalizations used.
 */
export function normalizeGolden(
  golden: unknown,
  ours: unknown,
  options: NormalizeOptions,
): { golden: unknown; used: Set<string> } {
  const used = new Set<string>();
  const walk = (g: unknown, o: unknown, path: string[]): unknown => {
    if (Array.isArray(g))
      return g.map((item, i) =>
        walk(item, Array.isArray(o) ? o[i] : undefined, [...path, String(i)]),
      );
    if (!isObj(g)) return g;
    const out: Record<string, unknown> = {};
    const parent = path.at(-2);
    for (const [k, gv] of Object.entries(g)) {
      const ov = isObj(o) ? o[k] : undefined;
      // inputs.<name>.path: 'azureml:' + what was written
      if (
        (parent === 'inputs' || AUTOML_DATA_KEYS.has(path.at(-1) ?? '')) &&
        k === 'path' &&
        typeof gv === 'string' &&
        typeof ov === 'string' &&
        !ov.startsWith('azureml:') &&
        gv === `azureml:${ov}`
      ) {
        used.add(NORMALIZATIONS.inputPathPrefix.name);
        out[k] = ov;
        continue;
      }
      // inputs.<name>: 1/0 for booleans
      if (path.at(-1) === 'inputs' && typeof ov === 'boolean' && gv === (ov ? 1 : 0)) {
        used.add(NORMALIZATIONS.booleanInputs.name);
        out[k] = ov;
        continue;
      }
      // environment.version of a build-context environment
      if (
        options.buildContextDeviation &&
        k === 'version' &&
        'build' in g &&
        g['name'] === 'CliV2AnonymousEnvironment' &&
        typeof ov === 'string' &&
        /^[0-9a-f]{32}$/.test(ov)
      ) {
        used.add(NORMALIZATIONS.buildContextVersion.name);
        out[k] = ov;
        continue;
      }
      out[k] = walk(gv, ov, [...path, k]);
    }
    return out;
  };
  return { golden: walk(golden, ours, []), used };
}
