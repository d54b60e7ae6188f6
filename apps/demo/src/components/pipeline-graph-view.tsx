import { useEffect, useState } from 'preact/hooks';

import { stepOfChild } from '../child-jobs.js';
import { toJobRow } from '../job-row.js';
import type { JobRow } from '../job-row.js';
import { buildPipelineGraph } from '../pipeline-graph.js';
import { useStudio } from '../studio-context.js';
import { Link } from './link.js';
import { StatusBadge } from './status-badge.js';

/** The step graph of a pipeline job, each step with its child job's live status. */
export function PipelineGraphView(props: {
  readonly name: string;
  readonly jobs: unknown;
  readonly final: boolean;
}) {
  const { api, connection, reportError } = useStudio();
  const graph = buildPipelineGraph(props.jobs);
  const [children, setChildren] = useState<ReadonlyMap<string, JobRow>>(new Map());
  const steps = graph.nodes.map((n) => n.name).join('\0');

  useEffect(() => {
    const controller = new AbortController();
    const names = steps.split('\0');
    const load = (): void => {
      api.childJobs(props.name, controller.signal).then(
        (result) => {
          const map = new Map<string, JobRow>();
          const now = Date.now();
          for (const child of result) {
            const step = stepOfChild(child, names);
            if (step !== undefined) map.set(step, toJobRow(child, now));
          }
          setChildren(map);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) reportError(error);
        },
      );
    };
    load();
    const timer = props.final ? undefined : setInterval(load, 3000);
    return () => {
      controller.abort();
      if (timer !== undefined) clearInterval(timer);
    };
  }, [api, props.name, props.final, steps, connection.generation, reportError]);

  if (graph.nodes.length === 0) return <p class="muted">This pipeline has no steps.</p>;
  return (
    <div>
      {children.size > 0 ? null : (
        <p class="muted">
          No step has a job yet (pipelines do not run on the local backend yet); the steps are shown
          as declared.
        </p>
      )}
      <div class="graph" role="list" aria-label="Pipeline steps">
        {graph.layers.map((layer, column) => (
          <div class="graph-col" key={column} role="presentation">
            {layer.map((node) => {
              const child = children.get(node.name);
              const upstream = graph.edges.filter((e) => e.to === node.name);
              return (
                <div class="step" role="listitem" key={node.name} data-step={node.name}>
                  {child === undefined ? (
                    <strong>{node.name}</strong>
                  ) : (
                    <Link to={{ page: 'job', name: child.name }}>{node.name}</Link>
                  )}
                  <span class="muted">{node.type ?? 'step'}</span>
                  <StatusBadge status={child?.status ?? 'NotStarted'} />
                  {upstream.length > 0 ? (
                    <span class="muted small">
                      after{' '}
                      {upstream
                        .map((e) => `${e.from}${e.output === undefined ? '' : `.${e.output}`}`)
                        .join(', ')}
                    </span>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
