import { describe, expect, it } from 'vitest';
import { buildCommandTree, commandName, resolveCommand } from '../internal/command-tree.js';
import type { FlagSpec } from '../internal/define-command.js';
import { GLOBAL_FLAGS } from '../internal/global-flags.js';
import { renderCommandHelp } from '../internal/render-help.js';
import { COMMANDS, COMMAND_GROUPS } from './registry.js';

describe('COMMANDS', () => {
  const root = buildCommandTree(COMMAND_GROUPS, COMMANDS);

  it.each(COMMANDS.map((entry) => [entry.path.join(' '), entry] as const))(
    'loads %s with flags that clash neither with each other nor with the global flags',
    async (_name, entry) => {
      const definition = await entry.load();
      const flags: readonly FlagSpec[] = [...definition.flags, ...GLOBAL_FLAGS];
      const longs = flags.map((flag) => flag.name);
      const shorts = flags.flatMap((flag) => (flag.short === undefined ? [] : [flag.short]));
      expect(new Set(longs).size).toBe(longs.length);
      expect(new Set(shorts).size).toBe(shorts.length);
      for (const flag of flags) expect(flag.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      const node = resolveCommand(root, entry.path).node;
      const help = renderCommandHelp(node, definition);
      expect(help.startsWith(`${commandName(node)}: ${entry.summary}`)).toBe(true);
      for (const flag of definition.flags) expect(help).toContain(`--${flag.name}`);
    },
  );

  it('follows az ml job for the shared flags', async () => {
    const jobCommands = COMMANDS.filter((e) => e.path[0] === 'job');
    for (const entry of jobCommands) {
      const { flags } = await entry.load();
      const byName = new Map(flags.map((flag) => [flag.name, flag]));
      const file = byName.get('file');
      if (file !== undefined) {
        expect(file).toMatchObject({ short: 'f', kind: 'string', required: true });
        expect(byName.get('set')).toMatchObject({ kind: 'list' });
      }
      if (['validate', 'dump', 'create'].includes(entry.path[1]!)) {
        expect(file).toBeDefined();
        continue;
      }
      if (entry.path[1] !== 'list') {
        expect(byName.get('name')).toMatchObject({ short: 'n', kind: 'string', required: true });
      }
      expect(byName.get('resource-group')).toMatchObject({ short: 'g' });
      expect(byName.get('workspace-name')).toMatchObject({ short: 'w' });
      expect(byName.has('subscription') && byName.has('endpoint')).toBe(true);
    }
  });

  it('gives every job and server command -o json|yaml|table|tsv|none and --query', async () => {
    const remote = COMMANDS.filter(
      (e) =>
        (e.path[0] === 'job' && !['validate', 'dump'].includes(e.path[1]!)) ||
        e.path[0] === 'server',
    );
    expect(remote.length).toBe(13);
    for (const entry of remote) {
      const { flags } = await entry.load();
      expect(flags.find((flag) => flag.name === 'output')).toMatchObject({
        short: 'o',
        choices: ['json', 'yaml', 'table', 'tsv', 'none'],
      });
      expect(flags.find((flag) => flag.name === 'query')).toMatchObject({ kind: 'string' });
    }
  });
});
