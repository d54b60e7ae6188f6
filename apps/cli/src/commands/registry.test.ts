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
    for (const entry of COMMANDS.filter((e) => e.path[0] === 'job')) {
      const { flags } = await entry.load();
      const file = flags.find((flag) => flag.name === 'file');
      expect(file).toMatchObject({ short: 'f', kind: 'string', required: true });
      expect(flags.find((flag) => flag.name === 'set')).toMatchObject({ kind: 'list' });
    }
  });
});
