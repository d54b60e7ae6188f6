import { describe, expect, it } from 'vitest';

import { buildPipelineGraph } from './pipeline-graph.js';

describe('buildPipelineGraph', () => {
  it('lays steps out in columns by their data dependencies', () => {
    const graph = buildPipelineGraph({
      prep: { type: 'command' },
      train: {
        type: 'command',
        inputs: {
          data: { job_input_type: 'uri_folder', uri: '${{parent.jobs.prep.outputs.clean}}' },
        },
      },
      score: {
        type: 'command',
        inputs: {
          model: '${{ parent.jobs.train.outputs.model }}',
          raw: { path: '${{parent.jobs.prep.outputs.clean}}' },
        },
      },
      other: { type: 'sweep' },
    });
    expect(graph.nodes.map((n) => [n.name, n.layer])).toEqual([
      ['prep', 0],
      ['train', 1],
      ['score', 2],
      ['other', 0],
    ]);
    expect(graph.edges).toContainEqual({ from: 'train', to: 'score', output: 'model' });
    expect(graph.layers.map((l) => l.map((n) => n.name))).toEqual([
      ['prep', 'other'],
      ['train'],
      ['score'],
    ]);
  });

  it('ignores bindings to unknown steps, to itself, and survives a cycle', () => {
    const graph = buildPipelineGraph({
      a: {
        inputs: {
          x: '${{parent.jobs.b.outputs.y}}',
          z: '${{parent.jobs.ghost.outputs.q}}',
          s: '${{parent.jobs.a.outputs.o}}',
        },
      },
      b: { inputs: { x: '${{parent.jobs.a.outputs.y}}' } },
    });
    expect(graph.edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(['a->b', 'b->a']);
    expect(graph.nodes).toHaveLength(2);
  });

  it('gives an empty graph for no steps', () => {
    expect(buildPipelineGraph(undefined)).toEqual({ nodes: [], edges: [], layers: [] });
  });
});
