/** A step of a pipeline graph. */
export interface GraphNode {
  /** The step's name in `jobs:`. */
  readonly name: string;
  /** The step's node type (`command`, `sweep`, …) when given. */
  readonly type: string | undefined;
  /** The column: 0 for steps without upstream steps, else 1 + the deepest upstream column. */
  readonly layer: number;
}

/** A data dependency: `to` reads an output of `from`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** The output of `from` (`model`), when named. */
  readonly output: string | undefined;
}

/** A laid-out pipeline graph. */
export interface PipelineGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  /** Steps grouped by column, in declaration order. */
  readonly layers: GraphNode[][];
}

const BINDING = /\$\{\{\s*parent\.jobs\.([^.\s}]+)\.outputs(?:\.([^\s}]+))?\s*\}\}/g;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function bindingsOf(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) bindingsOf(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) bindingsOf(item, out);
}

/**
 * Builds the step graph of a pipeline from its REST `properties.jobs` (node dicts whose inputs
 * bind `${{parent.jobs.<step>.outputs.<name>}}`). Steps in a dependency cycle (an invalid
 * pipeline) and bindings to unknown steps are ignored for layering.
 */
export function buildPipelineGraph(jobs: unknown): PipelineGraph {
  const steps = record(jobs);
  const names = Object.keys(steps);
  const known = new Set(names);
  const edges: GraphEdge[] = [];
  for (const name of names) {
    const strings: string[] = [];
    bindingsOf(record(steps[name]).inputs, strings);
    const seen = new Set<string>();
    for (const text of strings) {
      for (const match of text.matchAll(BINDING)) {
        const from = match[1]!;
        const output = match[2];
        const key = `${from}\0${output ?? ''}`;
        if (!known.has(from) || from === name || seen.has(key)) continue;
        seen.add(key);
        edges.push({ from, to: name, output });
      }
    }
  }
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (name: string): number => {
    const cached = layer.get(name);
    if (cached !== undefined) return cached;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    let d = 0;
    for (const edge of edges) if (edge.to === name) d = Math.max(d, depth(edge.from) + 1);
    visiting.delete(name);
    layer.set(name, d);
    return d;
  };
  const nodes = names.map((name): GraphNode => {
    const type = record(steps[name]).type ?? record(steps[name]).jobType;
    return { name, type: typeof type === 'string' ? type : undefined, layer: depth(name) };
  });
  const layers: GraphNode[][] = [];
  for (const node of nodes) (layers[node.layer] ??= []).push(node);
  return { nodes, edges, layers: layers.filter((l) => l.length > 0) };
}
