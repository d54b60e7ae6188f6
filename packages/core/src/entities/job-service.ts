/** `JobService`: an interactive endpoint of a running job (SSH, JupyterLab, TensorBoard, VS Code…). */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** Known service types (YAML spelling); `Studio` and `Tracking` are created by the service. */
export const JOB_SERVICE_TYPES = [
  'jupyter_lab',
  'ssh',
  'tensor_board',
  'vs_code',
  'custom',
  'ray_dashboard',
  'Studio',
  'Tracking',
] as const;
/** A job service type. */
export type JobServiceType = (typeof JOB_SERVICE_TYPES)[number];

/** Constructor options of {@link JobService} (camelCase). */
export interface JobServiceOptions {
  /** Service type (YAML `type`, or `job_service_type` in SDK 1.4.0 files). */
  type?: JobServiceType | undefined;
  /** Port the service listens on. */
  port?: number | undefined;
  /** `'all'` to run the service on every node (default: the head node only). */
  nodes?: 'all' | undefined;
  /** Free-form service properties. */
  properties?: Record<string, string> | undefined;
  /** SSH public keys (ssh services). */
  sshPublicKeys?: string | undefined;
  /** TensorBoard log directory (tensor_board services). */
  logDir?: string | undefined;
  /** Read-only: the service URL, set by a service. */
  endpoint?: string | undefined;
  /** Read-only: the service status, set by a service. */
  status?: string | undefined;
  /** Read-only: why the service failed, set by a service. */
  errorMessage?: string | undefined;
}

/** An interactive service of a job. */
export class JobService {
  /** Service type. */
  type: JobServiceType | undefined;
  /** Port. */
  port: number | undefined;
  /** `'all'` or undefined (head node only). */
  nodes: 'all' | undefined;
  /** Free-form properties. */
  properties: Record<string, string> | undefined;
  /** SSH public keys. */
  sshPublicKeys: string | undefined;
  /** TensorBoard log directory. */
  logDir: string | undefined;
  /** Service URL (read-only, from a service). */
  readonly endpoint: string | undefined;
  /** Service status (read-only, from a service). */
  readonly status: string | undefined;
  /** Error message (read-only, from a service). */
  readonly errorMessage: string | undefined;

  constructor(options: JobServiceOptions = {}) {
    this.type = options.type;
    this.port = options.port;
    this.nodes = options.nodes;
    this.properties = options.properties === undefined ? undefined : { ...options.properties };
    this.sshPublicKeys = options.sshPublicKeys;
    this.logDir = options.logDir;
    this.endpoint = options.endpoint;
    this.status = options.status;
    this.errorMessage = options.errorMessage;
  }

  /** The YAML-shaped dictionary (snake_case, undefined dropped; read-only fields included when set). */
  toYamlObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const put = (k: string, v: unknown): void => {
      if (v !== undefined) out[k] = v;
    };
    put('type', this.type);
    put('port', this.port);
    put('nodes', this.nodes);
    put('properties', this.properties);
    put('ssh_public_keys', this.sshPublicKeys);
    put('log_dir', this.logDir);
    put('endpoint', this.endpoint);
    put('status', this.status);
    put('error_message', this.errorMessage);
    return out;
  }
}

const serviceType = s.enum(JOB_SERVICE_TYPES);

const serviceObject = s.object(
  {
    type: serviceType.optional(),
    job_service_type: serviceType.optional().describe('SDK 1.4.0 spelling of `type`.'),
    port: s.integer({ min: 1, max: 65535 }).optional(),
    nodes: s.literal('all').optional().describe("'all' runs the service on every node."),
    properties: s.record(s.string()).optional(),
    ssh_public_keys: s.string().optional(),
    log_dir: s.string().optional(),
  },
  {
    expected: 'a job service mapping',
    check(value, ctx) {
      if (
        value.type !== undefined &&
        value.jobServiceType !== undefined &&
        value.type !== value.jobServiceType
      ) {
        ctx.report('JOB_INVALID_VALUE', "'type' and 'job_service_type' disagree.", {
          at: 'job_service_type',
          expected: `'${value.type}' (or only one of the two keys)`,
          received: `'${value.jobServiceType}'`,
        });
      }
    },
  },
);

/** Schema of one `services:` entry, producing a {@link JobService}. */
export const jobServiceSchema = s.transform<Infer<typeof serviceObject>, JobService>(
  serviceObject,
  (v) =>
    new JobService({
      type: v.type ?? v.jobServiceType,
      port: v.port,
      nodes: v.nodes,
      properties: v.properties,
      sshPublicKeys: v.sshPublicKeys,
      logDir: v.logDir,
    }),
  (service: JobService) => {
    const out: Record<string, unknown> = {};
    if (service.type !== undefined) out['type'] = service.type;
    if (service.port !== undefined) out['port'] = service.port;
    if (service.nodes !== undefined) out['nodes'] = service.nodes;
    if (service.properties !== undefined) out['properties'] = service.properties;
    if (service.sshPublicKeys !== undefined) out['sshPublicKeys'] = service.sshPublicKeys;
    if (service.logDir !== undefined) out['logDir'] = service.logDir;
    return out;
  },
);

/** The `services:` mapping. */
export const jobServicesSchema = s.record(jobServiceSchema);
