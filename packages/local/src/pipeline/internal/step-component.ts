import { LocalServiceError } from '../../local-service-error.js';
import type { ComponentStore } from '../../store/component-store.js';
import { workspaceKey } from '../../store/job-store.js';
import type { WorkspaceRef } from '../../store/job-store.js';
import type { PipelineStep } from '../plan-pipeline.js';

const COMPONENT_VERSION_ID =
  /^(?:azureml:)?\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\/components\/([^/]+)\/versions\/([^/]+)$/i;

function fail(step: PipelineStep, message: string): never {
  throw new LocalServiceError('InvalidPipeline', `properties.jobs.${step.name}: ${message}`);
}

/**
 * The `componentSpec` of a step's component, read from the service's component store (the
 * client registers each anonymous component before it creates the pipeline).
 *
 * @throws {LocalServiceError} `InvalidPipeline` when the step has no component id, names a
 *   registry or another workspace, or the component was never registered here.
 */
export function stepComponentSpec(
  step: PipelineStep,
  workspace: WorkspaceRef,
  components: ComponentStore,
): Record<string, unknown> {
  const id = step.componentId;
  if (id === undefined) fail(step, 'expected a componentId, received none');
  const match = COMPONENT_VERSION_ID.exec(id);
  if (match === null) {
    fail(
      step,
      `expected a component of this workspace (/subscriptions/…/workspaces/${workspace.workspace}/components/<name>/versions/<version>), received ${JSON.stringify(id)}: registry components cannot run locally`,
    );
  }
  const [, subscriptionId = '', resourceGroup = '', ws = '', name = '', version = ''] = match;
  if (workspaceKey({ subscriptionId, resourceGroup, workspace: ws }) !== workspaceKey(workspace)) {
    fail(step, `its component ${JSON.stringify(id)} belongs to another workspace`);
  }
  const component = components.get(
    workspace,
    decodeURIComponent(name),
    decodeURIComponent(version),
  );
  const spec = component?.properties.componentSpec;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    fail(
      step,
      `its component ${decodeURIComponent(name)}:${decodeURIComponent(version)} was not registered with this service (PUT …/components/<name>/versions/<version> before the pipeline)`,
    );
  }
  return spec as Record<string, unknown>;
}
