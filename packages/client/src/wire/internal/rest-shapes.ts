import { JobService } from '@amlkit/core';
import type {
  CommandJobLimits,
  Distribution,
  Identity,
  JobResources,
  JobServiceType,
  QueueSettings,
} from '@amlkit/core';
import type {
  RestDistributionConfiguration,
  RestIdentityConfiguration,
  RestJobLimits,
  RestJobResourceConfiguration,
  RestJobService,
  RestQueueSettings,
} from '../types.js';
import { isoDurationToSeconds, secondsToIsoDuration } from './durations.js';

/** `T` with every key whose type admits `undefined` made optional (and `undefined` removed). */
export type Compact<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops `undefined` values (msrest does not serialise `None`). */
export function compact<T extends Record<string, unknown>>(value: T): Compact<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as Compact<T>;
}

/** Entity resources → REST `JobResourceConfiguration`. */
export function resourcesToRest(resources: JobResources): RestJobResourceConfiguration {
  return compact({
    instanceCount: resources.instanceCount,
    instanceType: resources.instanceType,
    properties: resources.properties,
    dockerArgs: resources.dockerArgs,
    shmSize: resources.shmSize,
    locations: resources.locations,
    maxInstanceCount: resources.maxInstanceCount,
  });
}

/** REST `JobResourceConfiguration` → entity resources. */
export function resourcesFromRest(rest: RestJobResourceConfiguration): JobResources {
  return compact({
    instanceCount: rest.instanceCount,
    instanceType: rest.instanceType,
    properties: { ...rest.properties },
    dockerArgs: rest.dockerArgs,
    shmSize: rest.shmSize,
    locations: rest.locations,
    maxInstanceCount: rest.maxInstanceCount,
  });
}

const DISTRIBUTION_TO_REST: Readonly<Record<string, string>> = {
  mpi: 'Mpi',
  pytorch: 'PyTorch',
  tensorflow: 'TensorFlow',
  ray: 'Ray',
};

/** Entity distribution → REST `DistributionConfiguration`. */
export function distributionToRest(distribution: Distribution): RestDistributionConfiguration {
  const d = distribution as Record<string, unknown> & { type: string };
  const out: Record<string, unknown> = {
    distributionType: DISTRIBUTION_TO_REST[d.type] ?? d.type,
  };
  for (const [k, v] of Object.entries(d)) if (k !== 'type' && v !== undefined) out[k] = v;
  return out as RestDistributionConfiguration;
}

/** REST `DistributionConfiguration` → entity distribution. */
export function distributionFromRest(rest: RestDistributionConfiguration): Distribution {
  const type =
    Object.entries(DISTRIBUTION_TO_REST).find(([, v]) => v === rest.distributionType)?.[0] ??
    rest.distributionType.toLowerCase();
  const out: Record<string, unknown> = { type };
  for (const [k, v] of Object.entries(rest)) if (k !== 'distributionType') out[k] = v;
  return out as unknown as Distribution;
}

/** Entity identity → REST `IdentityConfiguration`. */
export function identityToRest(identity: Identity): RestIdentityConfiguration {
  switch (identity.type) {
    case 'managed_identity':
      return compact({
        identityType: 'Managed',
        clientId: identity.clientId,
        objectId: identity.objectId,
        resourceId: identity.msiResourceId,
      });
    case 'aml_token':
      return { identityType: 'AMLToken' };
    case 'user_identity':
      return { identityType: 'UserIdentity' };
  }
}

/** REST `IdentityConfiguration` → entity identity (an unknown type becomes `aml_token`'s sibling as written). */
export function identityFromRest(rest: RestIdentityConfiguration): Identity {
  switch (rest.identityType) {
    case 'Managed':
      return compact({
        type: 'managed_identity' as const,
        clientId: rest.clientId,
        objectId: rest.objectId,
        msiResourceId: rest.resourceId,
      });
    case 'UserIdentity':
      return { type: 'user_identity' };
    default:
      return { type: 'aml_token' };
  }
}

/** Seconds → ISO duration, `0`/absent → `undefined` (sent as nothing). */
export function durationToRest(seconds: number | undefined): string | undefined {
  return seconds === undefined || seconds === 0 ? undefined : secondsToIsoDuration(seconds);
}

/** ISO duration → whole seconds. */
export function durationFromRest(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const seconds = isoDurationToSeconds(text);
  return seconds === undefined ? undefined : Math.round(seconds);
}

/** Command limits → REST. */
export function commandLimitsToRest(limits: CommandJobLimits): RestJobLimits {
  return compact({ jobLimitsType: 'Command', timeout: durationToRest(limits.timeout) });
}

const JOB_TIERS: Readonly<Record<string, string>> = {
  null: 'Null',
  spot: 'Spot',
  basic: 'Basic',
  standard: 'Standard',
  premium: 'Premium',
};
const PRIORITIES: Readonly<Record<string, number>> = { low: 1, medium: 2, high: 3 };

/** Queue settings → REST. */
export function queueSettingsToRest(queue: QueueSettings): RestQueueSettings {
  return compact({
    jobTier: queue.jobTier === undefined ? undefined : (JOB_TIERS[queue.jobTier] ?? queue.jobTier),
    priority: queue.priority === undefined ? undefined : PRIORITIES[queue.priority],
  });
}

/** REST queue settings → entity. */
export function queueSettingsFromRest(rest: RestQueueSettings): QueueSettings {
  const tier = Object.entries(JOB_TIERS).find(([, v]) => v === rest.jobTier)?.[0];
  const priority = Object.entries(PRIORITIES).find(([, v]) => v === rest.priority)?.[0];
  return compact({ jobTier: tier, priority }) as QueueSettings;
}

const SERVICE_TO_REST: Readonly<Record<string, string>> = {
  jupyter_lab: 'JupyterLab',
  ssh: 'SSH',
  tensor_board: 'TensorBoard',
  vs_code: 'VSCode',
  custom: 'Custom',
  ray_dashboard: 'RayDashboard',
};

/** REST `jobServiceType` → entity service type. */
export function serviceTypeFromRest(type: string): JobServiceType {
  return (Object.entries(SERVICE_TO_REST).find(([, v]) => v === type)?.[0] ??
    type) as JobServiceType;
}

/** Entity services → REST (`status`/`errorMessage` are read-only and not sent). */
export function servicesToRest(
  services: Readonly<Record<string, JobService>>,
): Record<string, RestJobService> {
  const out: Record<string, RestJobService> = {};
  for (const [name, service] of Object.entries(services)) {
    const properties: Record<string, string> = { ...service.properties };
    if (service.sshPublicKeys !== undefined) properties['sshPublicKeys'] = service.sshPublicKeys;
    if (service.logDir !== undefined) properties['logDir'] = service.logDir;
    out[name] = compact({
      jobServiceType:
        service.type === undefined ? undefined : (SERVICE_TO_REST[service.type] ?? service.type),
      port: service.port,
      endpoint: service.endpoint,
      nodes: service.nodes === undefined ? undefined : { nodesValueType: 'All' },
      properties:
        service.properties === undefined && Object.keys(properties).length === 0
          ? undefined
          : properties,
    });
  }
  return out;
}

/** Whether a value is a JobService instance (re-exported for converters). */
export function isJobService(value: unknown): value is JobService {
  return value instanceof JobService;
}
