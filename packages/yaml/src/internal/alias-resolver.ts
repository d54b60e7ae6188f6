import { isAlias, visit } from 'yaml';
import type { Alias, Document, Node } from 'yaml';

/** Resolves an alias to its anchored node, or `undefined` for an unknown anchor. */
export type AliasResolver = (alias: Alias) => Node | undefined;

/**
 * Creates a resolver that indexes the document's anchors once, on first use.
 *
 * `Alias.resolve(doc)` walks the whole document on every call, which makes a
 * document with many aliases quadratic. Resolution follows the same rule: the
 * last node with that anchor before the alias, in document order.
 */
export function createAliasResolver(doc: Document): AliasResolver {
  let targets: Map<Alias, Node | undefined> | undefined;
  const index = (): Map<Alias, Node | undefined> => {
    const map = new Map<Alias, Node | undefined>();
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node(_key, node) {
        if (isAlias(node)) map.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
    return map;
  };
  return (alias) => {
    targets ??= index();
    return targets.has(alias) ? targets.get(alias) : alias.resolve(doc);
  };
}
