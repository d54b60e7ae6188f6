import { isRecord } from '../internal/http.js';
import { LocalServiceError } from '../local-service-error.js';

type Dict = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new LocalServiceError('InvalidPipeline', `${where}: ${message}`);
}

/** The argument lists of the REST list form, by distribution type (YAML key order). */
const DISTRIBUTION_ARGS: Readonly<Record<string, readonly string[]>> = {
  randint: ['upper'],
  uniform: ['min_value', 'max_value'],
  loguniform: ['min_value', 'max_value'],
  quniform: ['min_value', 'max_value', 'q'],
  qloguniform: ['min_value', 'max_value', 'q'],
  normal: ['mu', 'sigma'],
  lognormal: ['mu', 'sigma'],
  qnormal: ['mu', 'sigma', 'q'],
  qlognormal: ['mu', 'sigma', 'q'],
};

/** `{type: uniform, min_value: 0.1, max_value: 1}` → `['uniform', [0.1, 1]]` (the sweep job's REST form). */
function distributionToRest(raw: unknown, where: string): unknown {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    fail(where, `expected a distribution {type, …}, received ${JSON.stringify(raw)}`);
  }
  const type = raw.type.toLowerCase();
  if (type === 'choice') {
    const values = Array.isArray(raw.values) ? raw.values : [];
    return ['choice', [values]];
  }
  const args = DISTRIBUTION_ARGS[type];
  if (args === undefined) {
    fail(
      `${where}.type`,
      `expected one of choice, ${Object.keys(DISTRIBUTION_ARGS).join(', ')}, received ${JSON.stringify(raw.type)}`,
    );
  }
  return [type, args.map((name) => raw[name])];
}

/** Seconds (the node's YAML form) → an ISO-8601 duration; an ISO string as it is. */
function duration(value: unknown): string | undefined {
  if (typeof value === 'number') return `PT${String(value)}S`;
  return typeof value === 'string' ? value : undefined;
}

function capitalized(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

const POLICY_TYPES: Readonly<Record<string, string>> = {
  bandit: 'Bandit',
  median_stopping: 'MedianStopping',
  truncation_selection: 'TruncationSelection',
};

/**
 * The REST sweep fields of a pipeline's sweep node, whose dict is YAML-shaped
 * (`search_space`, `sampling_algorithm`, `objective.primary_metric`, `limits.max_total_trials`,
 * `early_termination.slack_factor`, timeouts in seconds), in the form a `jobType: 'Sweep'` job
 * carries them (`searchSpace: {lr: ['uniform', [0.1, 1]]}`, `samplingAlgorithm`, …). Values are
 * passed on unchecked: the sweep's own parsers check them and name the field.
 *
 * @throws {LocalServiceError} `InvalidPipeline` when `search_space` or a distribution is not a
 *   mapping with a known `type`.
 */
export function sweepStepProperties(node: Readonly<Dict>, where: string): Dict {
  const space = node.search_space;
  if (!isRecord(space)) {
    fail(
      `${where}.search_space`,
      `expected a mapping of parameters, received ${JSON.stringify(space)}`,
    );
  }
  const searchSpace = Object.fromEntries(
    Object.entries(space).map(([name, raw]) => [
      name,
      distributionToRest(raw, `${where}.search_space.${name}`),
    ]),
  );
  const sampling = node.sampling_algorithm;
  const samplingRecord = isRecord(sampling) ? sampling : { type: sampling };
  const objective = isRecord(node.objective) ? node.objective : {};
  const limits = isRecord(node.limits) ? node.limits : {};
  const policy = isRecord(node.early_termination) ? node.early_termination : undefined;
  const out: Dict = {
    searchSpace,
    samplingAlgorithm: {
      samplingAlgorithmType:
        typeof samplingRecord.type === 'string' ? capitalized(samplingRecord.type) : 'Random',
      ...(samplingRecord.seed === undefined ? {} : { seed: samplingRecord.seed }),
    },
    objective: {
      goal: typeof objective.goal === 'string' ? capitalized(objective.goal) : objective.goal,
      primaryMetric: objective.primary_metric,
    },
    limits: {
      jobLimitsType: 'Sweep',
      maxTotalTrials: limits.max_total_trials,
      ...(limits.max_concurrent_trials === undefined
        ? {}
        : { maxConcurrentTrials: limits.max_concurrent_trials }),
      ...(duration(limits.timeout) === undefined ? {} : { timeout: duration(limits.timeout) }),
      ...(duration(limits.trial_timeout) === undefined
        ? {}
        : { trialTimeout: duration(limits.trial_timeout) }),
    },
  };
  if (policy !== undefined) {
    const type = typeof policy.type === 'string' ? policy.type : '';
    out.earlyTermination = {
      policyType: POLICY_TYPES[type] ?? type,
      evaluationInterval: policy.evaluation_interval ?? 0,
      delayEvaluation: policy.delay_evaluation ?? 0,
      ...(policy.slack_factor === undefined ? {} : { slackFactor: policy.slack_factor }),
      ...(policy.slack_amount === undefined ? {} : { slackAmount: policy.slack_amount }),
      ...(policy.truncation_percentage === undefined
        ? {}
        : { truncationPercentage: policy.truncation_percentage }),
    };
  }
  return out;
}
