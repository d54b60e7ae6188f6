import { assertValidJobName } from '../api/assert-valid-job-name.js';
import type { WorkspaceConfig } from './resolve-workspace.js';

function segment(name: string, value: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(
      `Expected workspace ${name} to be a non-empty string, received ${JSON.stringify(value)}`,
    );
  }
  return encodeURIComponent(value);
}

/**
 * The ARM path of a workspace:
 * `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}`.
 * @throws TypeError when a field is empty.
 */
export function workspacePath(workspace: WorkspaceConfig): string {
  return (
    `/subscriptions/${segment('subscriptionId', workspace.subscriptionId)}` +
    `/resourceGroups/${segment('resourceGroup', workspace.resourceGroup)}` +
    `/providers/Microsoft.MachineLearningServices/workspaces/${segment('workspaceName', workspace.workspaceName)}`
  );
}

/** The ARM path of a workspace's job collection (`…/jobs`). */
export function jobsPath(workspace: WorkspaceConfig): string {
  return `${workspacePath(workspace)}/jobs`;
}

/**
 * The ARM path of one job (`…/jobs/{name}`). The name is checked against the
 * service's rule first.
 * @throws TypeError or RangeError when the name breaks the rule.
 */
export function jobPath(workspace: WorkspaceConfig, name: string): string {
  assertValidJobName(name);
  return `${jobsPath(workspace)}/${encodeURIComponent(name)}`;
}

/** The ARM path of a job's cancel action (`…/jobs/{name}/cancel`). */
export function jobCancelPath(workspace: WorkspaceConfig, name: string): string {
  return `${jobPath(workspace, name)}/cancel`;
}
