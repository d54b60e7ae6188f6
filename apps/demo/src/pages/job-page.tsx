import { fromRestJob } from '@amlkit/client';
import { isFinalStatus, parseJobStatus } from '@amlkit/status';
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';

import { LogViewer } from '../components/log-viewer.js';
import { PipelineGraphView } from '../components/pipeline-graph-view.js';
import { StatusBadge } from '../components/status-badge.js';
import { StatusTimelineView } from '../components/status-timeline-view.js';
import { SweepTrialsView } from '../components/sweep-trials-view.js';
import { saveBlob } from '../download.js';
import { formatBytes, formatDurationMs, formatTimestamp } from '../format.js';
import { followJob } from '../job-follower.js';
import type { FollowState } from '../job-follower.js';
import type { OutputListing, RunDetails } from '../studio-api.js';
import { useStudio } from '../studio-context.js';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The YAML of a REST job as `amlkit job dump` writes it, or why it cannot be shown. */
export function dumpYaml(resource: unknown): string {
  try {
    return fromRestJob(resource).toYamlText();
  } catch (error) {
    return `# The YAML of this job cannot be shown: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const EMPTY_FOLLOW: FollowState = {
  statuses: [],
  logs: new Map(),
  end: undefined,
  connected: false,
};

/** A job: properties, tags, YAML, inputs/outputs, services, status timeline, live logs, Cancel. */
export function JobPage(props: { readonly name: string }) {
  const { api, connection, reportError } = useStudio();
  const { name } = props;
  const [resource, setResource] = useState<Record<string, unknown> | undefined>(undefined);
  const [details, setDetails] = useState<RunDetails | undefined>(undefined);
  const [outputs, setOutputs] = useState<OutputListing[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [follow, setFollow] = useState<FollowState>(EMPTY_FOLLOW);
  const [version, setVersion] = useState(0);
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [now, setNow] = useState(Date.now());

  const statusCount = follow.statuses.length;
  const ended = follow.end !== undefined;
  useEffect(() => {
    const controller = new AbortController();
    api.getJob(name, controller.signal).then(
      (job) => {
        setResource(job);
        setError(undefined);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        reportError(failure);
      },
    );
    api.runDetails(name, controller.signal).then(setDetails, () => undefined);
    api.outputs(name, controller.signal).then(setOutputs, () => undefined);
    return () => {
      controller.abort();
    };
  }, [api, name, statusCount, ended, connection.generation, reportError]);

  useEffect(() => {
    const controller = new AbortController();
    setFollow(EMPTY_FOLLOW);
    void followJob(api, name, {
      signal: controller.signal,
      onChange: (state) => {
        if (controller.signal.aborted) return;
        setFollow(state);
        setVersion((v) => v + 1);
      },
      onUnreachable: reportError,
    });
    return () => {
      controller.abort();
    };
  }, [api, name, reportError]);

  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, []);

  const yaml = useMemo(() => (resource === undefined ? '' : dumpYaml(resource)), [resource]);

  if (resource === undefined) {
    return (
      <section>
        <h1>{name}</h1>
        {error === undefined ? (
          <p class="muted">Loading…</p>
        ) : (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }

  const properties = record(resource.properties);
  const status = follow.statuses.at(-1)?.status ?? str(properties.status) ?? 'Unknown';
  const final = isFinalStatus(parseJobStatus(status).status);
  const jobType = str(properties.jobType) ?? 'Unknown';
  const system = record(resource.systemData);
  const tags = Object.entries(record(properties.tags));
  const inputs = Object.entries(record(properties.inputs));
  const services = Object.entries(record(properties.services));
  const start = details?.startTimeUtc;
  const end = details?.endTimeUtc;
  const durationMs =
    start === undefined
      ? undefined
      : (end === undefined ? now : Date.parse(end)) - Date.parse(start);
  const objective = record(properties.objective);

  const cancel = async (): Promise<void> => {
    setCancelling(true);
    try {
      await api.cancel(name);
      setNotice('Cancellation requested.');
    } catch (failure) {
      setNotice(failure instanceof Error ? failure.message : String(failure));
      reportError(failure);
    } finally {
      setCancelling(false);
    }
  };
  const download = async (url: string, fileName: string): Promise<void> => {
    try {
      saveBlob(await api.fetchBlob(url), fileName);
    } catch (failure) {
      setNotice(failure instanceof Error ? failure.message : String(failure));
      reportError(failure);
    }
  };

  return (
    <article aria-labelledby="job-title">
      <div class="page-head">
        <div>
          <h1 id="job-title">{str(properties.displayName) ?? name}</h1>
          <p class="muted">
            <code>{name}</code> · {jobType} · <StatusBadge status={status} />
          </p>
        </div>
        <button
          type="button"
          class="danger"
          disabled={final || cancelling || status === 'CancelRequested'}
          onClick={() => void cancel()}
        >
          {cancelling ? 'Cancelling…' : 'Cancel job'}
        </button>
      </div>
      {notice === undefined ? null : (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {follow.end?.error?.message === undefined && details?.error?.message === undefined ? null : (
        <p class="error" role="alert">
          {follow.end?.error?.code ?? details?.error?.code}:{' '}
          {follow.end?.error?.message ?? details?.error?.message}
        </p>
      )}

      <section aria-labelledby="props-title">
        <h2 id="props-title">Properties</h2>
        <dl class="props">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={status} />
          </dd>
          <dt>Type</dt>
          <dd>{jobType}</dd>
          <dt>Experiment</dt>
          <dd>{str(properties.experimentName) ?? '—'}</dd>
          <dt>Compute</dt>
          <dd>{str(properties.computeId)?.split('/').at(-1) ?? '—'}</dd>
          <dt>Created</dt>
          <dd>
            {formatTimestamp(str(system.createdAt))} by {str(system.createdBy) ?? '—'}
          </dd>
          <dt>Started</dt>
          <dd>{formatTimestamp(start)}</dd>
          <dt>Ended</dt>
          <dd>{formatTimestamp(end)}</dd>
          <dt>Duration</dt>
          <dd>
            {durationMs === undefined || !Number.isFinite(durationMs)
              ? '—'
              : formatDurationMs(Math.max(0, durationMs))}
          </dd>
          {str(properties.description) === undefined ? null : (
            <>
              <dt>Description</dt>
              <dd>{str(properties.description)}</dd>
            </>
          )}
          {str(properties.command) === undefined ? null : (
            <>
              <dt>Command</dt>
              <dd>
                <code class="wrap">{str(properties.command)}</code>
              </dd>
            </>
          )}
          {str(properties.environmentId) === undefined ? null : (
            <>
              <dt>Environment</dt>
              <dd>
                <code class="wrap">{str(properties.environmentId)}</code>
              </dd>
            </>
          )}
        </dl>
        <h3>Tags</h3>
        {tags.length === 0 ? (
          <p class="muted">No tags.</p>
        ) : (
          <ul class="tags">
            {tags.map(([key, value]) => (
              <li key={key}>
                <code>
                  {key}={String(value)}
                </code>
              </li>
            ))}
          </ul>
        )}
      </section>

      {jobType === 'Pipeline' ? (
        <section aria-labelledby="graph-title">
          <h2 id="graph-title">Steps</h2>
          <PipelineGraphView name={name} jobs={properties.jobs} final={final} />
        </section>
      ) : null}
      {jobType === 'Sweep' ? (
        <section aria-labelledby="trials-title">
          <h2 id="trials-title">Trials</h2>
          <SweepTrialsView
            name={name}
            final={final}
            objective={{
              primaryMetric: str(objective.primaryMetric) ?? 'metric',
              goal: str(objective.goal) ?? 'Maximize',
            }}
          />
        </section>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Status timeline</h2>
        <StatusTimelineView entries={follow.statuses} nowMs={now} />
      </section>

      <section aria-labelledby="logs-title">
        <h2 id="logs-title">
          Logs{' '}
          <span class="muted small" aria-live="polite">
            {follow.connected ? (final ? '' : '(live)') : ended ? '' : '(reconnecting…)'}
          </span>
        </h2>
        <LogViewer
          logs={follow.logs}
          version={version}
          onDownload={(file) => {
            const link = details?.logFiles[file];
            if (link !== undefined) void download(link, file.split('/').at(-1) ?? 'log.txt');
          }}
        />
      </section>

      <section aria-labelledby="io-title">
        <h2 id="io-title">Inputs and outputs</h2>
        <h3>Inputs</h3>
        {inputs.length === 0 ? (
          <p class="muted">No inputs.</p>
        ) : (
          <dl class="props">
            {inputs.map(([key, value]) => {
              const input = record(value);
              return (
                <Fragment key={key}>
                  <dt>{key}</dt>
                  <dd>
                    <span class="muted">{str(input.jobInputType) ?? ''}</span>{' '}
                    <code class="wrap">
                      {str(input.uri) ??
                        (typeof input.value === 'string' ||
                        typeof input.value === 'number' ||
                        typeof input.value === 'boolean'
                          ? String(input.value)
                          : '')}
                    </code>
                  </dd>
                </Fragment>
              );
            })}
          </dl>
        )}
        <h3>Outputs</h3>
        {outputs.length === 0 ? (
          <p class="muted">No outputs.</p>
        ) : (
          outputs.map((output) => (
            <div key={output.name} class="output">
              <h4>
                {output.name} <span class="muted small">{output.type}</span>
              </h4>
              {output.files.length === 0 ? (
                <p class="muted">No files (yet).</p>
              ) : (
                <ul>
                  {output.files.map((file) => (
                    <li key={file.path}>
                      <a
                        href={file.url}
                        download={file.path.split('/').at(-1)}
                        onClick={(event) => {
                          event.preventDefault();
                          void download(file.url, file.path.split('/').at(-1) ?? 'output');
                        }}
                      >
                        {file.path}
                      </a>{' '}
                      <span class="muted small">{formatBytes(file.size)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {output.truncated ? <p class="muted">More files than listed.</p> : null}
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="services-title">
        <h2 id="services-title">Services</h2>
        {services.length === 0 ? (
          <p class="muted">No services.</p>
        ) : (
          <dl class="props">
            {services.map(([key, value]) => {
              const service = record(value);
              const endpoint = str(service.endpoint);
              return (
                <Fragment key={key}>
                  <dt>{key}</dt>
                  <dd>
                    <span class="muted">{str(service.jobServiceType) ?? ''}</span>{' '}
                    {endpoint === undefined ? null : /^https?:\/\//.test(endpoint) ? (
                      <a href={endpoint} rel="noopener noreferrer">
                        {endpoint}
                      </a>
                    ) : (
                      <code>{endpoint}</code>
                    )}
                  </dd>
                </Fragment>
              );
            })}
          </dl>
        )}
      </section>

      <section aria-labelledby="yaml-title">
        <h2 id="yaml-title">YAML</h2>
        <pre class="yaml" tabIndex={0} aria-label="Job YAML">
          {yaml}
        </pre>
      </section>
    </article>
  );
}
