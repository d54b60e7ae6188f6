import { CreationContext, JobService } from '@amlkit/core';
import type { JobOptions, JobServiceOptions, JobServiceType } from '@amlkit/core';
import { parseJobStatus } from '@amlkit/status';
import type { RestJobBaseResource, RestJobService } from '../types.js';

/** The REST `jobServiceType` → entity service `type` (as the SDK maps them). */
const SERVICE_TYPES: Record<string, JobServiceType> = {
  JupyterLab: 'jupyter_lab',
  SSH: 'ssh',
  TensorBoard: 'tensor_board',
  VSCode: 'vs_code',
  Custom: 'custom',
  RayDashboard: 'ray_dashboard',
  Studio: 'Studio',
  Tracking: 'Tracking',
};

function serviceFromRest(service: RestJobService): JobService {
  const options: JobServiceOptions = {};
  const type = service.jobServiceType;
  if (type !== undefined) options.type = SERVICE_TYPES[type] ?? (type as JobServiceType);
  if (service.port !== undefined) options.port = service.port;
  if (service.nodes !== undefined) options.nodes = 'all';
  if (service.properties !== undefined) options.properties = { ...service.properties };
  if (service.endpoint !== undefined) options.endpoint = service.endpoint;
  if (service.status !== undefined) options.status = service.status;
  if (service.errorMessage !== undefined) options.errorMessage = service.errorMessage;
  return new JobService(options);
}

/** Shortens a compute ARM id of the job's own workspace to the compute name (as the SDK does on read). */
function computeFromRest(computeId: string, jobId: string | undefined): string {
  const match =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/computes\/([^/]+)$/i.exec(
      computeId,
    );
  if (match === null || jobId === undefined) return computeId;
  const workspace = computeId.slice(0, computeId.length - `/computes/${match[1]!}`.length);
  return jobId.toLowerCase().startsWith(`${workspace.toLowerCase()}/jobs/`) ? match[1]! : computeId;
}

function stringMap(
  value: Record<string, string | null> | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The entity options every job type shares, from the envelope and the base properties. */
export function readCommonOptions(resource: RestJobBaseResource): JobOptions {
  const p = resource.properties;
  const options: JobOptions = {
    tags: stringMap(p.tags),
    properties: stringMap(p.properties),
  };
  if (resource.name !== undefined) options.name = resource.name;
  if (resource.id !== undefined) options.id = resource.id;
  if (typeof p.displayName === 'string') options.displayName = p.displayName;
  if (typeof p.description === 'string') options.description = p.description;
  if (typeof p.experimentName === 'string') options.experimentName = p.experimentName;
  if (typeof p.computeId === 'string') options.compute = computeFromRest(p.computeId, resource.id);
  if (typeof p.status === 'string') options.status = parseJobStatus(p.status).status;
  if (resource.systemData !== undefined) {
    const sd = resource.systemData;
    options.creationContext = new CreationContext({
      createdBy: sd.createdBy,
      createdByType: sd.createdByType,
      createdAt: sd.createdAt,
      lastModifiedBy: sd.lastModifiedBy,
      lastModifiedByType: sd.lastModifiedByType,
      lastModifiedAt: sd.lastModifiedAt,
    });
  }
  if (p.services !== undefined && p.services !== null) {
    options.services = Object.fromEntries(
      Object.entries(p.services).map(([k, v]) => [k, serviceFromRest(v)]),
    );
  }
  return options;
}
