import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import type { CommandEntry, CommandGroupEntry } from '../commands/registry.js';
import { didYouMean } from './did-you-mean.js';
import { isFlagToken } from './parse-argv.js';

/** A node of the command tree: the root, a group, or a runnable command. */
export interface CommandNode {
  /** Words from the root, e.g. `['job', 'validate']`; `[]` for the root. */
  readonly path: readonly string[];
  /** One line for the parent's help. */
  readonly summary: string;
  /** Sub-commands and sub-groups by word, in registration order. */
  readonly children: Map<string, CommandNode>;
  /** Set on runnable commands. */
  readonly entry?: CommandEntry;
}

/** The program name. */
export const PROGRAM = 'amlkit';

/** `amlkit job validate` for a node. */
export function commandName(node: Pick<CommandNode, 'path'>): string {
  return [PROGRAM, ...node.path].join(' ');
}

/** Builds the command tree from the registry. */
export function buildCommandTree(
  groups: readonly CommandGroupEntry[],
  commands: readonly CommandEntry[],
): CommandNode {
  const root: CommandNode = { path: [], summary: '', children: new Map() };
  const nodeAt = (path: readonly string[], summary: string, entry?: CommandEntry): void => {
    let node = root;
    for (let depth = 0; depth < path.length; depth++) {
      const word = path[depth]!;
      let child = node.children.get(word);
      const isLast = depth === path.length - 1;
      if (child === undefined) {
        child = {
          path: path.slice(0, depth + 1),
          summary: isLast ? summary : '',
          children: new Map(),
          ...(isLast && entry !== undefined ? { entry } : {}),
        };
        node.children.set(word, child);
      } else if (isLast) {
        throw new TypeError(`command '${path.join(' ')}' is registered twice`);
      }
      node = child;
    }
  };
  for (const group of groups) nodeAt(group.path, group.summary);
  for (const command of commands) nodeAt(command.path, command.summary, command);
  return root;
}

/** The result of {@link resolveCommand}. */
export interface ResolvedCommand {
  /** The deepest node the command words lead to (the root when there are none). */
  readonly node: CommandNode;
  /** The tokens without the command words, `--` and what follows it included. */
  readonly rest: readonly string[];
}

/**
 * Walks the leading command words of `tokens` down the tree. Flags are skipped (they are
 * parsed later against the command's specs); the walk stops at a runnable command or `--`.
 * A word that names no sub-command of a group is a usage error with a did-you-mean.
 */
export function resolveCommand(root: CommandNode, tokens: readonly string[]): ResolvedCommand {
  let node = root;
  const rest: string[] = [];
  let index = 0;
  for (; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === '--' || node.entry !== undefined) break;
    if (isFlagToken(token)) {
      rest.push(token);
      continue;
    }
    const child = node.children.get(token);
    if (child === undefined) {
      const name = commandName(node);
      const suggestion = didYouMean(token, node.children.keys());
      throw new CliError(
        `unknown command '${token}' for '${name}'; expected one of: ${[...node.children.keys()].join(', ')}`,
        {
          code: CLI_ERROR_CODES.USAGE,
          command: name,
          ...(suggestion === undefined ? {} : { hint: `did you mean '${name} ${suggestion}'?` }),
        },
      );
    }
    node = child;
  }
  rest.push(...tokens.slice(index));
  return { node, rest };
}
