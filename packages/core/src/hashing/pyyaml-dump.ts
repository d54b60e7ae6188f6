import { emitDocument, type EmitterEvent } from './internal/pyyaml-emitter.js';
import { resolvePlainScalarTag } from './internal/pyyaml-resolver.js';
import { pythonFloatRepr, pythonIntRepr } from './internal/python-float-repr.js';
import { compareCodePoints } from './internal/python-sort.js';
import { isPyFloat, type PyValue } from './py-float.js';

/** Options of {@link pyyamlDump}. */
export interface PyyamlDumpOptions {
  /**
   * Sort mapping keys (by code point, as Python sorts `str`), like `yaml.dump(..., sort_keys=True)`.
   * @default true
   */
  readonly sortKeys?: boolean;
}

const STR = 'tag:yaml.org,2002:str';

interface ScalarNode {
  readonly kind: 'scalar';
  readonly tag: string;
  readonly value: string;
}
interface SequenceNode {
  readonly kind: 'sequence';
  readonly items: Node[];
}
interface MappingNode {
  readonly kind: 'mapping';
  readonly pairs: [Node, Node][];
}
type Node = ScalarNode | SequenceNode | MappingNode;

function scalar(tag: string, value: string): ScalarNode {
  return { kind: 'scalar', tag: `tag:yaml.org,2002:${tag}`, value };
}

function describe(value: unknown): string {
  return value === undefined
    ? 'undefined'
    : typeof value === 'object'
      ? Object.prototype.toString.call(value)
      : typeof value;
}

/** `Representer.represent_data` of PyYAML's default `Dumper` for the {@link PyValue} model. */
function represent(value: unknown, sortKeys: boolean): Node {
  // Lists and dicts are represented once per identity, so shared or recursive ones become one node
  // (and later an anchor plus aliases), as PyYAML's `represented_objects` does.
  const represented = new Map<object, Node>();
  const go = (data: unknown, path: string): Node => {
    if (data === null) return scalar('null', 'null');
    if (typeof data === 'boolean') return scalar('bool', data ? 'true' : 'false');
    if (typeof data === 'bigint') return scalar('int', pythonIntRepr(data));
    if (typeof data === 'number') {
      return Number.isInteger(data) ? scalar('int', pythonIntRepr(data)) : representFloat(data);
    }
    if (typeof data === 'string') return { kind: 'scalar', tag: STR, value: data };
    if (isPyFloat(data)) return representFloat(data.value);
    if (typeof data === 'object') {
      const existing = represented.get(data);
      if (existing !== undefined) return existing;
      if (Array.isArray(data)) {
        const node: SequenceNode = { kind: 'sequence', items: [] };
        represented.set(data, node);
        (data as readonly unknown[]).forEach((item, index) => {
          if (item === undefined) {
            throw new TypeError(
              `pyyamlDump: unsupported value at ${path}[${index}]: expected a PyValue, received undefined`,
            );
          }
          node.items.push(go(item, `${path}[${index}]`));
        });
        return node;
      }
      const prototype: unknown = Object.getPrototypeOf(data);
      if (prototype === Object.prototype || prototype === null) {
        const node: MappingNode = { kind: 'mapping', pairs: [] };
        represented.set(data, node);
        const record = data as Record<string, unknown>;
        const keys = Object.keys(record).filter((key) => record[key] !== undefined);
        if (sortKeys) keys.sort(compareCodePoints);
        for (const key of keys) {
          node.pairs.push([
            { kind: 'scalar', tag: STR, value: key },
            go(record[key], `${path}.${key}`),
          ]);
        }
        return node;
      }
    }
    throw new TypeError(
      `pyyamlDump: unsupported value at ${path}: expected null, boolean, number, bigint, string, PyFloat, array or plain object, received ${describe(data)}`,
    );
  };
  return go(value, '$');
}

/** `SafeRepresenter.represent_float`: `repr()` lower-cased, `.0` added before a bare exponent. */
function representFloat(data: number): ScalarNode {
  let value: string;
  if (Number.isNaN(data)) value = '.nan';
  else if (data === Infinity) value = '.inf';
  else if (data === -Infinity) value = '-.inf';
  else {
    value = pythonFloatRepr(data).toLowerCase();
    if (!value.includes('.') && value.includes('e')) value = value.replace('e', '.0e');
  }
  return scalar('float', value);
}

/** `Serializer.serialize`: anchors for nodes reached twice (`id001`, …), then the node events. */
function serialize(root: Node): EmitterEvent[] {
  const anchors = new Map<Node, string | null>();
  let lastAnchorId = 0;
  const anchorNode = (node: Node): void => {
    if (anchors.has(node)) {
      if (anchors.get(node) === null) {
        lastAnchorId += 1;
        anchors.set(node, `id${String(lastAnchorId).padStart(3, '0')}`);
      }
      return;
    }
    anchors.set(node, null);
    if (node.kind === 'sequence') node.items.forEach(anchorNode);
    if (node.kind === 'mapping') {
      for (const [key, value] of node.pairs) {
        anchorNode(key);
        anchorNode(value);
      }
    }
  };
  // Scalars are never shared (PyYAML ignores aliases for them), so only collections get anchors.
  anchorNode(root);

  const events: EmitterEvent[] = [];
  const serialized = new Set<Node>();
  const serializeNode = (node: Node): void => {
    const anchor = anchors.get(node) ?? null;
    if (serialized.has(node)) {
      events.push({ type: 'alias', anchor: anchor ?? '' });
      return;
    }
    serialized.add(node);
    if (node.kind === 'scalar') {
      const detected = resolvePlainScalarTag(node.value);
      events.push({
        type: 'scalar',
        anchor,
        tag: node.tag,
        implicit: [node.tag === detected, node.tag === STR],
        value: node.value,
      });
    } else if (node.kind === 'sequence') {
      events.push({
        type: 'sequence-start',
        anchor,
        tag: 'tag:yaml.org,2002:seq',
        implicit: true,
        flowStyle: false,
      });
      node.items.forEach(serializeNode);
      events.push({ type: 'sequence-end' });
    } else {
      events.push({
        type: 'mapping-start',
        anchor,
        tag: 'tag:yaml.org,2002:map',
        implicit: true,
        flowStyle: false,
      });
      for (const [key, value] of node.pairs) {
        serializeNode(key);
        serializeNode(value);
      }
      events.push({ type: 'mapping-end' });
    }
  };
  serializeNode(root);
  return events;
}

/**
 * Byte-exact emulation of PyYAML 6.0 `yaml.dump(value, sort_keys=True)` with the default
 * settings (`default_flow_style=False`, indent 2 with sequences in mappings not indented, width
 * 80, `allow_unicode=False`): plain scalars where YAML 1.1 would read them back as strings,
 * single quotes for strings that look like bool/int/float/null/timestamp (`'3.8'`, `'yes'`),
 * double quotes with escapes for non-printable or non-ASCII text, `{}`/`[]` for empty
 * collections, `&id001`/`*id001` for shared lists and objects, and `...` after a bare root scalar.
 *
 * Numbers follow the {@link PyFloat} rule: integral JS numbers are ints, wrap integral floats.
 * The SDK hashes this text to version anonymous environments (`conda_file_yaml`).
 *
 * @throws TypeError when the value holds something Python's YAML dumper would not get from
 * parsed YAML (undefined in an array, functions, symbols, class instances, Maps).
 * @example
 * ```ts
 * pyyamlDump({ name: 'demo', dependencies: ['python=3.8', { pip: ['mlflow'] }] });
 * // 'dependencies:\n- python=3.8\n- pip:\n  - mlflow\nname: demo\n'
 * ```
 */
export function pyyamlDump(value: PyValue, options: PyyamlDumpOptions = {}): string {
  return emitDocument(serialize(represent(value, options.sortKeys ?? true)));
}
