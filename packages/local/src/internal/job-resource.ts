import type { StoredJob, WorkspaceRef } from '../store/job-store.js';
import { CANONICAL_WORKSPACE, JOB_RESOURCE_TYPE, jobPath, PROVIDER } from './service-context.js';
import { isRecord } from './http.js';
import { workspaceKey } from '../store/job-store.js';

/** The Studio page of a job on this service. */
export function studioUrl(baseUrl: string, job: { workspace: WorkspaceRef; name: string }): string {
  const page = `${baseUrl}/studio/jobs/${encodeURIComponent(job.name)}`;
  if (workspaceKey(job.workspace) === workspaceKey(CANONICAL_WORKSPACE)) return page;
  const { subscriptionId, resourceGroup, workspace } = job.workspace;
  return `${page}?wsid=/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/workspaces/${workspace}`;
}

/** The MLflow tracking URI of a workspace on this service. */
export function trackingUrl(baseUrl: string, ws: WorkspaceRef): string {
  return `${baseUrl}/mlflow/v1.0/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}/providers/${PROVIDER}/workspaces/${ws.workspace}`;
}

/** The ARM `JobBaseResource` of a stored job, with `status` and the service-made `services`. */
export function toJobResource(job: StoredJob, baseUrl: string): Record<string, unknown> {
  const userServices = isRecord(job.properties.services) ? job.properties.services : {};
  const properties: Record<string, unknown> = {
    ...job.properties,
    status: job.status,
    services: {
      ...userServices,
      Studio: { jobServiceType: 'Studio', endpoint: studioUrl(baseUrl, job) },
      Tracking: { jobServiceType: 'Tracking', endpoint: trackingUrl(baseUrl, job.workspace) },
    },
  };
  return {
    id: jobPath(job.workspace, job.name),
    name: job.name,
    type: JOB_RESOURCE_TYPE,
    properties,
    systemData: {
      createdAt: job.createdAt,
      createdBy: job.createdBy,
      createdByType: 'User',
      lastModifiedAt: job.modifiedAt,
      lastModifiedBy: job.createdBy,
      lastModifiedByType: 'User',
    },
  };
}
