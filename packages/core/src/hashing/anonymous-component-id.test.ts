import { describe, expect, it } from 'vitest';

import { anonymousComponentId } from './anonymous-component-id.js';
import { md5Hex } from './md5.js';
import { pyFloat } from './py-float.js';
import { callsOf } from './test-support/corpus.js';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

describe('anonymousComponentId', () => {
  it('reproduces the version of every anonymous component in the goldens from its hash_input', () => {
    const anonymous = callsOf('component').filter((entry) => entry.call.anonymous === true);
    expect(anonymous.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set<unknown>();
    for (const { file, call } of anonymous) {
      kinds.add(call.hash_kind);
      const id = anonymousComponentId(call.hash_input!);
      expect(id, `${file} (${JSON.stringify(call.hash_kind)})`).toBe(call.version);
      expect(`${WS}/components/azureml_anonymous/versions/${id}`).toBe(call.id);
    }
    expect(kinds).toEqual(new Set(['component_to_dict', 'pipeline_component_rest_spec']));
  });

  it('formats the MD5 of the JSON text as 8-4-4-4-12', () => {
    const hex = md5Hex('{"a": 1.0, "b": [1, "\\u00e9"]}');
    const id = anonymousComponentId({ b: [1, 'é'], a: pyFloat(1) });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id.replaceAll('-', '')).toBe(hex);
  });

  it('tells an int from a float', () => {
    expect(anonymousComponentId({ x: 1 })).not.toBe(anonymousComponentId({ x: pyFloat(1) }));
  });
});
