import { createRequire } from 'node:module';
import path from 'node:path';

import { pyFloat, type PyValue } from '../py-float.js';
import { resolvePlainScalarTag } from '../internal/pyyaml-resolver.js';
import { REPO_ROOT } from './corpus.js';

interface YamlNode {
  readonly type?: string;
  readonly value?: unknown;
  readonly source?: string;
  readonly items?:
    readonly { readonly key: YamlNode; readonly value: YamlNode | null }[] | readonly YamlNode[];
}
interface YamlModule {
  parseDocument(
    text: string,
    options: { version: '1.1' },
  ): { readonly contents: YamlNode | null; readonly errors: readonly Error[] };
  isMap(node: unknown): boolean;
  isSeq(node: unknown): boolean;
  isScalar(node: unknown): boolean;
  isAlias(node: unknown): boolean;
}

// Tests only: the `yaml` package is a dependency of @amlkit/yaml, not of @amlkit/core.
const yaml = createRequire(path.join(REPO_ROOT, 'packages/yaml/package.json'))(
  'yaml',
) as YamlModule;

/**
 * Test helper: parses YAML text roughly as PyYAML's `yaml.safe_load` (YAML 1.1) would: plain
 * scalars are typed by PyYAML's own implicit resolvers (so `1e3` stays a string and `3.0` is a
 * float), quoted scalars are strings. Anchors/aliases and timestamps are not supported.
 */
export function pyyamlSafeLoad(text: string): PyValue {
  const doc = yaml.parseDocument(text, { version: '1.1' });
  if (doc.errors.length > 0) throw doc.errors[0]!;
  const convert = (node: YamlNode | null): PyValue => {
    if (node === null) return null;
    if (yaml.isMap(node)) {
      const out: Record<string, PyValue> = {};
      for (const pair of node.items as readonly { key: YamlNode; value: YamlNode | null }[]) {
        const key = convert(pair.key);
        if (typeof key === 'object' && key !== null)
          throw new TypeError('pyyamlSafeLoad: collection keys are not supported');
        out[String(key)] = convert(pair.value);
      }
      return out;
    }
    if (yaml.isSeq(node)) return (node.items as readonly YamlNode[]).map(convert);
    if (yaml.isScalar(node)) {
      if (node.type !== 'PLAIN') return String(node.value);
      const source = node.source ?? String(node.value);
      switch (resolvePlainScalarTag(source)) {
        case 'tag:yaml.org,2002:null':
          return null;
        case 'tag:yaml.org,2002:bool':
          return node.value as boolean;
        case 'tag:yaml.org,2002:int':
          return node.value as number;
        case 'tag:yaml.org,2002:float':
          return pyFloat(node.value as number);
        case 'tag:yaml.org,2002:str':
          return source;
        default:
          throw new TypeError(`pyyamlSafeLoad: unsupported plain scalar ${JSON.stringify(source)}`);
      }
    }
    throw new TypeError('pyyamlSafeLoad: aliases and other node kinds are not supported');
  };
  return convert(doc.contents);
}
