import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArmId, formatWorkspaceId, isArmId, parseArmId } from './arm-id.js';
import type { ArmId } from './arm-id.js';
import { isAssetReferenceError } from './id-error.js';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
const SCOPE = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg',
  workspaceName: 'ws',
};

describe('parseArmId', () => {
  it('reads named, versioned and labelled ids', () => {
    expect(parseArmId(`${WS}/computes/cpu-cluster`)).toEqual({
      ...SCOPE,
      kind: 'computes',
      name: 'cpu-cluster',
    });
    expect(parseArmId(`${WS}/environments/env/versions/1`)).toEqual({
      ...SCOPE,
      kind: 'environments',
      name: 'env',
      version: '1',
    });
    expect(parseArmId(`${WS}/components/train/labels/default`)).toEqual({
      ...SCOPE,
      kind: 'components',
      name: 'train',
      label: 'default',
    });
    expect(parseArmId(`${WS}/jobs/olden_deer_2xqthlj4m4`)).toMatchObject({
      kind: 'jobs',
      name: 'olden_deer_2xqthlj4m4',
    });
  });

  it('accepts an azureml: prefix, a missing leading slash and any casing of the fixed segments', () => {
    const expected = { ...SCOPE, kind: 'codes', name: 'c', version: '1' };
    expect(parseArmId(`azureml:${WS}/codes/c/versions/1`)).toEqual(expected);
    expect(parseArmId(`${WS.slice(1)}/codes/c/versions/1`)).toEqual(expected);
    expect(
      parseArmId(
        `${WS.replace('resourceGroups', 'resourcegroups').replace('Microsoft.MachineLearningServices', 'microsoft.machinelearningservices')}/codes/c/VERSIONS/1`,
      ),
    ).toEqual(expected);
  });

  it.each([
    '',
    WS,
    `${WS}/computes`,
    `${WS}/computes/x/`,
    `${WS}/computes//x`,
    `${WS}/environments/e/versions`,
    `${WS}/environments/e/tags/1`,
    `${WS}/environments/e/versions/1/extra`,
    `${WS.replace('Microsoft.MachineLearningServices', 'Microsoft.Storage')}/computes/x`,
    'azureml:my-env:1',
  ])('refuses %j with an INVALID_ARM_ID error', (id) => {
    let caught: unknown;
    try {
      parseArmId(id);
    } catch (error) {
      caught = error;
    }
    expect(isAssetReferenceError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'INVALID_ARM_ID', input: id });
    expect((caught as Error).message).toMatch(
      /^Invalid ARM id: expected '\/subscriptions\/<subscription>.*received /,
    );
    expect(isArmId(id)).toBe(false);
  });
});

describe('formatArmId', () => {
  it('writes the canonical form', () => {
    expect(formatArmId({ ...SCOPE, kind: 'computes', name: 'cpu-cluster' })).toBe(
      `${WS}/computes/cpu-cluster`,
    );
    expect(formatArmId({ ...SCOPE, kind: 'data', name: 'd', version: '2' })).toBe(
      `${WS}/data/d/versions/2`,
    );
    expect(formatArmId({ ...SCOPE, kind: 'components', name: 'c', label: 'default' })).toBe(
      `${WS}/components/c/labels/default`,
    );
    expect(formatWorkspaceId(SCOPE)).toBe(WS);
  });

  it('refuses empty segments, slashes and version plus label', () => {
    expect(() => formatArmId({ ...SCOPE, kind: 'computes', name: '' })).toThrow(TypeError);
    expect(() => formatArmId({ ...SCOPE, kind: 'computes', name: 'a/b' })).toThrow(/without '\/'/);
    expect(() =>
      formatArmId({ ...SCOPE, kind: 'data', name: 'd', version: '1', label: 'x' }),
    ).toThrow(/either version or label/);
    expect(() => formatWorkspaceId({ ...SCOPE, resourceGroup: '' })).toThrow(/resourceGroup/);
  });

  it('round-trips with parseArmId (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.,()-]{1,20}$/);
    const armId: fc.Arbitrary<ArmId> = fc
      .tuple(
        segment,
        segment,
        segment,
        segment,
        segment,
        fc.option(segment, { nil: undefined }),
        fc.boolean(),
      )
      .map(([subscriptionId, resourceGroup, workspaceName, kind, name, tail, isLabel]) => ({
        subscriptionId,
        resourceGroup,
        workspaceName,
        kind,
        name,
        ...(tail === undefined ? {} : isLabel ? { label: tail } : { version: tail }),
      }));
    fc.assert(
      fc.property(armId, (id) => {
        expect(parseArmId(formatArmId(id))).toEqual(id);
      }),
    );
  });
});
