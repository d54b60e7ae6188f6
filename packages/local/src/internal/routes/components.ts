import type { StoredComponent } from '../../store/component-store.js';
import type { WorkspaceRef } from '../../store/job-store.js';
import { badRequest, describeReceived, isRecord, notFound, readJson, sendJson } from '../http.js';
import { checkName } from '../names.js';
import { workspacePath } from '../service-context.js';
import type { JobsRouteInput } from './jobs.js';

const COMPONENT_NAME = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}$/;
const COMPONENT_VERSION = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}$/;
const COMPONENT_TYPE = 'Microsoft.MachineLearningServices/workspaces/components/versions';

/** The ARM id of a component version. */
export function componentVersionId(ws: WorkspaceRef, name: string, version: string): string {
  return `${workspacePath(ws)}/components/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`;
}

function toComponentResource(ws: WorkspaceRef, component: StoredComponent): object {
  return {
    id: componentVersionId(ws, component.name, component.version),
    name: component.version,
    type: COMPONENT_TYPE,
    properties: component.properties,
    systemData: {
      createdAt: component.createdAt,
      createdByType: 'User',
      lastModifiedAt: component.modifiedAt,
      lastModifiedByType: 'User',
    },
  };
}

function checkNames(name: string, version: string): void {
  checkName('component name', name, COMPONENT_NAME, 'letters, digits, _ . - (at most 255)');
  checkName(
    'component version',
    version,
    COMPONENT_VERSION,
    'letters, digits, _ . - (at most 128)',
  );
}

/** `GET …/components/{name}/versions/{version}`. */
export function getComponentVersion(input: JobsRouteInput, name: string, version: string): void {
  checkNames(name, version);
  const component = input.ctx.store.components.get(input.workspace, name, version);
  if (component === undefined) {
    throw notFound(
      `Component ${name}:${version} was not found in workspace '${input.workspace.workspace}': register it first (PUT …/components/${name}/versions/${version}); the local backend has no registry`,
    );
  }
  sendJson(input.res, 200, toComponentResource(input.workspace, component));
}

/**
 * `PUT …/components/{name}/versions/{version}` with `{ properties: { componentSpec, … } }`:
 * creates (201) or replaces (200) the version. The spec is the YAML-shaped component dictionary
 * the SDK sends; the pipeline driver reads `type`, `command`, `code`, `environment`, `inputs`
 * and `outputs` from it when a step runs.
 */
export async function putComponentVersion(
  input: JobsRouteInput,
  name: string,
  version: string,
): Promise<void> {
  checkNames(name, version);
  const body = await readJson(input.req, input.ctx.maxJsonBytes);
  if (!isRecord(body) || !isRecord(body.properties)) {
    throw badRequest(
      `Invalid component body: expected { "properties": { "componentSpec": { … } } }, received ${describeReceived(body)}`,
    );
  }
  const spec = body.properties.componentSpec;
  if (!isRecord(spec) || typeof spec.type !== 'string') {
    throw badRequest(
      `Invalid properties.componentSpec: expected the component dictionary with a "type" (command, pipeline, …), received ${describeReceived(spec)}`,
    );
  }
  const { component, created } = input.ctx.store.components.put(input.workspace, {
    name,
    version,
    properties: body.properties,
  });
  sendJson(input.res, created ? 201 : 200, toComponentResource(input.workspace, component));
}
