import { EXIT_CODES } from '../exit-codes.js';
import type { CommandNode } from './command-tree.js';
import { commandName } from './command-tree.js';
import type { CommandDefinition, FlagSpec } from './define-command.js';
import { GLOBAL_FLAGS, ROOT_FLAGS } from './global-flags.js';

function table(rows: readonly (readonly [string, string])[], indent = 2): string {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows
    .map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}  ${right}`.trimEnd())
    .join('\n');
}

function flagRows(flags: readonly FlagSpec[]): [string, string][] {
  return flags.map((flag) => {
    const names = `${flag.short === undefined ? '    ' : `-${flag.short}, `}--${flag.name}`;
    const value = flag.kind === 'boolean' ? '' : ` ${flag.valueName ?? 'VALUE'}`;
    const notes: string[] = [];
    if (flag.required === true) notes.push('required');
    if (flag.kind === 'list') notes.push('repeatable');
    if (flag.choices !== undefined) notes.push(`one of: ${flag.choices.join(', ')}`);
    if (flag.default !== undefined) notes.push(`default: ${flag.default}`);
    const suffix = notes.length === 0 ? '' : ` (${notes.join('; ')})`;
    return [`${names}${value}`, `${flag.description}${suffix}`];
  });
}

function usageLine(node: CommandNode, definition: CommandDefinition): string {
  const parts = [commandName(node)];
  for (const flag of definition.flags) {
    const name = flag.short === undefined ? `--${flag.name}` : `-${flag.short}`;
    const written = flag.kind === 'boolean' ? name : `${name} ${flag.valueName ?? 'VALUE'}`;
    const repeated = flag.kind === 'list' ? '...' : '';
    parts.push(flag.required === true ? written : `[${written}]${repeated}`);
  }
  for (const positional of definition.positionals ?? []) {
    parts.push(positional.required === true ? `<${positional.name}>` : `[<${positional.name}>]`);
  }
  return parts.join(' ');
}

/** Help for a runnable command: usage, flags, global flags, examples. */
export function renderCommandHelp(node: CommandNode, definition: CommandDefinition): string {
  const sections = [
    `${commandName(node)}: ${node.summary}`,
    definition.description,
    `Usage:\n  ${usageLine(node, definition)}`,
  ];
  const positionals = definition.positionals ?? [];
  if (positionals.length > 0) {
    sections.push(
      `Arguments:\n${table(positionals.map((p) => [`<${p.name}>`, p.description] as const))}`,
    );
  }
  if (definition.flags.length > 0) sections.push(`Flags:\n${table(flagRows(definition.flags))}`);
  sections.push(`Global flags:\n${table(flagRows(GLOBAL_FLAGS))}`);
  const examples = definition.examples ?? [];
  if (examples.length > 0) {
    sections.push(
      `Examples:\n${examples.map((e) => `  # ${e.description}\n  ${e.command}`).join('\n\n')}`,
    );
  }
  return `${sections.join('\n\n')}\n`;
}

/** Help for the root or a group: its sub-commands (and, for the root, flags and exit codes). */
export function renderGroupHelp(node: CommandNode): string {
  const name = commandName(node);
  const isRoot = node.path.length === 0;
  const sections = [
    isRoot
      ? `${name}: Azure Machine Learning jobs from the command line, offline first.`
      : `${name}: ${node.summary}`,
    `Usage:\n  ${name} <command> [flags]`,
  ];
  const rows: [string, string][] = [];
  const walk = (current: CommandNode): void => {
    for (const child of current.children.values()) {
      if (child.entry !== undefined)
        rows.push([child.path.slice(node.path.length).join(' '), child.summary]);
      else walk(child);
    }
  };
  walk(node);
  sections.push(`Commands:\n${table(rows)}`);
  sections.push(
    `${isRoot ? 'Flags' : 'Global flags'}:\n${table(flagRows(isRoot ? ROOT_FLAGS : GLOBAL_FLAGS))}`,
  );
  if (isRoot) {
    sections.push(
      `Exit codes:\n${table([
        [String(EXIT_CODES.SUCCESS), 'success (the job file is valid)'],
        [
          String(EXIT_CODES.INTERNAL_ERROR),
          'internal error (run with AMLKIT_DEBUG=1 for a stack trace)',
        ],
        [String(EXIT_CODES.USAGE_ERROR), 'usage error (unknown command or flag, bad flag value)'],
        [String(EXIT_CODES.VALIDATION_ERROR), 'invalid job file or --set override'],
        [String(EXIT_CODES.FILE_ERROR), 'file not found, already exists, or not writable'],
      ])}`,
    );
  }
  sections.push(`Run '${name} <command> --help' for the flags of a command.`);
  return `${sections.join('\n\n')}\n`;
}
