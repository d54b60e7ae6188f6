import type { Job } from '@amlkit/core';
import { EXIT_CODES } from '../exit-codes.js';
import { createColors, useColor } from '../internal/colors.js';
import { defineCommand } from '../internal/define-command.js';
import {
  connectFromFlags,
  NAME_FLAG,
  OUTPUT_FLAGS,
  printResult,
  WORKSPACE_FLAGS,
} from '../internal/job-command.js';
import { childColumns, renderJobTree, SWEEP_SUMMARY_COLUMNS } from '../internal/job-tree.js';
import { JOB_COLUMNS, jobJson } from '../internal/job-view.js';
import { cellText } from '../internal/render-output.js';

const byName = new Intl.Collator('en', { numeric: true });

/** `amlkit job show`: one job (with `--tree`, its child jobs too). */
export default defineCommand({
  description:
    'Prints a job as `az ml job show` does: the YAML-shaped dictionary (snake_case) with status, ' +
    'id, creation context and services (-o table adds the best trial, primary metric and best ' +
    'value of a sweep). With --tree it prints the job and its child jobs (pipeline steps, sweep ' +
    'trials with their hyperparameters and primary metric) as a tree; -o json/yaml then give ' +
    '{ ...job, children: [...] }. Exit 8 when the job does not exist.',
  flags: [
    NAME_FLAG,
    {
      name: 'tree',
      kind: 'boolean',
      description:
        'Also show the child jobs (pipeline steps, sweep trials): a tree by default, { ...job, children } with -o json/yaml.',
    },
    ...OUTPUT_FLAGS,
    ...WORKSPACE_FLAGS,
  ],
  examples: [
    { description: 'Show a job', command: 'amlkit job show -n sharp_pen_4k2mzq8wbd' },
    {
      description: 'Only its status',
      command: 'amlkit job show -n sharp_pen_4k2mzq8wbd --query status -o tsv',
    },
    { description: 'A sweep and its trials', command: 'amlkit job show -n SWEEP --tree' },
  ],
  async run(context) {
    const { client } = await connectFromFlags(context);
    const { signal } = context;
    const job = await client.jobs.get(context.flags.name, { signal });
    const shown = jobJson(job);
    const columns = job.type === 'sweep' ? [...JOB_COLUMNS, ...SWEEP_SUMMARY_COLUMNS] : JOB_COLUMNS;
    if (!context.flags.tree) {
      await printResult(context, shown, { columns });
      return EXIT_CODES.SUCCESS;
    }
    const childrenOf = async (parent: string): Promise<Job[]> => {
      const found: Job[] = [];
      for await (const child of client.jobs.list({ parentJobName: parent, signal })) {
        found.push(child);
      }
      // In the order they were created: a pipeline's steps as they ran, a sweep's trials by number.
      const created = (job: Job): string => job.creationContext?.createdAt ?? '';
      return found.sort(
        (a, b) =>
          created(a).localeCompare(created(b)) || byName.compare(a.name ?? '', b.name ?? ''),
      );
    };
    const children = await childrenOf(context.flags.name);
    const rows = children.map(jobJson);
    // One level deeper for a pipeline's sweep (or nested pipeline) steps: their trials.
    const nested = new Map<string, Record<string, unknown>[]>();
    for (const child of children) {
      if (child.type !== 'sweep' && child.type !== 'pipeline') continue;
      nested.set(child.name ?? '', (await childrenOf(child.name ?? '')).map(jobJson));
    }
    if (context.flags.output === undefined && context.flags.query === undefined) {
      const colors = createColors(useColor(context.io.stdout, context.io.env));
      context.io.stdout.write(
        renderJobTree(shown, rows, {
          colors,
          childrenOf: (row) => nested.get(cellText(row.name)) ?? [],
        }),
      );
      return EXIT_CODES.SUCCESS;
    }
    const withNested = rows.map((row) => {
      const grandchildren = nested.get(cellText(row.name));
      return grandchildren === undefined ? row : { ...row, children: grandchildren };
    });
    await printResult(
      context,
      { ...shown, children: withNested },
      { columns: childColumns(shown), tableValue: rows },
    );
    return EXIT_CODES.SUCCESS;
  },
});
