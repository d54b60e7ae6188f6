import type { WorkspaceRef } from './store/job-store.js';

/**
 * The canonical workspace of the local service: subscription
 * `00000000-0000-0000-0000-000000000000`, resource group `local`, workspace `local`. The
 * service serves any triple; this is the one clients use by default.
 */
export const LOCAL_WORKSPACE: WorkspaceRef = Object.freeze({
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'local',
  workspace: 'local',
});
