import { dirname, resolve } from 'node:path';
import { applySetOverrides, isYamlError, parseSetExpression, parseYaml } from '@amlkit/yaml';
import type { ParsedYaml, SetOverride, YamlDiagnostic } from '@amlkit/yaml';
import { didYouMean } from './internal/did-you-mean.js';
import { LoadDocument, LoadSession } from './internal/load-session.js';
import type { AppliedOverride } from './internal/load-session.js';
import { stripReadOnlyFields } from './internal/read-only-fields.js';
import { describeReceived, isRecord } from './internal/received.js';
import type { Job } from './job.js';
import { JobLoadError, JobLoadErrorCode } from './job-load-error.js';
import { JOB_REGISTRY, JOB_TYPES } from './jobs/registry.js';
import { INVALID, ParseContext } from './schema/schema.js';

/** The `$schema` of a component file (`commandComponent.schema.json`, …). */
const COMPONENT_SCHEMA = /Component\.schema\.json$/i;

/** A job given as text instead of a path. */
export interface JobSource {
  /** The YAML text. */
  text: string;
  /** Folder relative paths resolve against. @default process.cwd() */
  basePath?: string;
  /** File name shown in diagnostics. @default '<input>' */
  file?: string;
}

/** Options of {@link loadJob}. */
export interface LoadJobOptions {
  /** `--set path=value` overrides, applied in order to the raw document before validation. */
  overrides?: readonly string[];
  /** Aborts reading files. */
  signal?: AbortSignal;
}

function fail(
  code: string,
  diagnostic: Omit<YamlDiagnostic, 'code'>,
  sources: Record<string, string>,
  cause?: unknown,
): never {
  throw JobLoadError.fromDiagnostics([{ code, ...diagnostic }], { sources, cause });
}

function parseOverrides(
  overrides: readonly string[],
  sources: Record<string, string>,
): AppliedOverride[] {
  const applied: AppliedOverride[] = [];
  const diagnostics: YamlDiagnostic[] = [];
  overrides.forEach((expr, i) => {
    const file = `--set[${i}]`;
    sources[file] = expr;
    try {
      const override: SetOverride = parseSetExpression(expr);
      const eq = override.source.indexOf('=');
      applied.push({ file, col: eq < 0 ? 1 : eq + 2, override });
    } catch (error) {
      if (!isYamlError(error)) throw error;
      for (const d of error.diagnostics) diagnostics.push({ ...d, file, line: 1 });
      if (error.diagnostics.length === 0)
        diagnostics.push({
          code: error.code,
          path: [],
          file,
          line: 1,
          col: 1,
          message: error.message,
        });
    }
  });
  if (diagnostics.length > 0) throw JobLoadError.fromDiagnostics(diagnostics, { sources });
  return applied;
}

/**
 * Loads a job from a YAML file (or text): parses it safely, applies `--set` overrides,
 * dispatches on `type` (default `command`, case-sensitive), validates it against the
 * job type's schema, checks local `code:` paths and loads referenced files (`file:`
 * environments, components…) relative to the file that references them, and returns
 * the entity. Read-only fields (`id`, `status`, `creation_context`, …) are dropped.
 *
 * @throws {JobLoadError} with **every** problem found, each located at `file:line:col`
 *   (an override's problems at `--set[i]:1:col`).
 * @example
 * ```ts
 * const job = await loadJob('jobs/train.yml', { overrides: ['compute=azureml:gpu-cluster'] });
 * console.log(job.type, job.toYamlObject());
 * ```
 */
export async function loadJob(
  source: string | JobSource,
  options: LoadJobOptions = {},
): Promise<Job> {
  const { signal } = options;
  signal?.throwIfAborted();
  const sources: Record<string, string> = {};
  const session = new LoadSession(signal);
  let parsed: ParsedYaml;
  let basePath: string;
  try {
    if (typeof source === 'string') {
      parsed = await session.readYaml(source);
      basePath = dirname(resolve(source));
    } else {
      if (typeof source !== 'object' || typeof source.text !== 'string') {
        throw new TypeError(
          `loadJob: expected a path or { text }, received ${describeReceived(source)}`,
        );
      }
      parsed = parseYaml(source.text, { file: source.file ?? '<input>' });
      basePath = resolve(source.basePath ?? process.cwd());
    }
  } catch (error) {
    if (!isYamlError(error)) throw error;
    const file = typeof source === 'string' ? source : (source.file ?? '<input>');
    if (typeof source !== 'string') sources[file] = source.text;
    const code = error.code === 'YAML_FILE_NOT_FOUND' ? JobLoadErrorCode.FileNotFound : error.code;
    const diagnostics =
      error.diagnostics.length > 0
        ? error.diagnostics
        : [{ code, path: [], file, line: 1, col: 1, message: error.message }];
    throw JobLoadError.fromDiagnostics(
      diagnostics.map((d) => (d.code === 'YAML_FILE_NOT_FOUND' ? { ...d, code } : d)),
      { sources, cause: error, code },
    );
  }
  const { file } = parsed;
  sources[file] = parsed.text;
  const root = parsed.value;
  if (root === null || root === undefined || (typeof root === 'string' && root.trim() === '')) {
    fail(
      JobLoadErrorCode.Empty,
      {
        path: [],
        file,
        line: 1,
        col: 1,
        message: 'The job file is empty.',
        expected: 'a mapping with the job fields',
        received: 'an empty document',
      },
      sources,
    );
  }
  if (!isRecord(root)) {
    const loc = parsed.sourceMap.locateNearest([]);
    fail(
      JobLoadErrorCode.NotAMapping,
      {
        path: [],
        file,
        line: loc.line,
        col: loc.col,
        message: 'The job document is not a mapping.',
        expected: 'a mapping with the job fields',
        received: describeReceived(root),
      },
      sources,
    );
  }

  const schemaUrl = root['$schema'];
  if (typeof schemaUrl === 'string' && COMPONENT_SCHEMA.test(schemaUrl)) {
    const loc = parsed.sourceMap.locateNearest(['$schema']);
    fail(
      JobLoadErrorCode.ComponentFile,
      {
        path: ['$schema'],
        file,
        line: loc.line,
        col: loc.col,
        message: 'The file is a component, not a job.',
        expected: 'a job file (commandJob, sweepJob, pipelineJob, … schema)',
        received: schemaUrl,
        hint: "reference it from a pipeline step's `component: ./<file>`, and submit the pipeline",
      },
      sources,
    );
  }

  const overrides = parseOverrides(options.overrides ?? [], sources);
  let value: unknown = root;
  for (const o of overrides) {
    try {
      value = applySetOverrides(value, [o.override]);
    } catch (error) {
      if (!isYamlError(error)) throw error;
      fail(
        error.code,
        { path: o.override.path, file: o.file, line: 1, col: 1, message: error.message },
        sources,
        error,
      );
    }
  }
  const doc = stripReadOnlyFields(value as Record<string, unknown>);

  const document = new LoadDocument(session, {
    file,
    basePath,
    sourceMap: parsed.sourceMap,
    overrides,
  });
  const rawType = doc['type'] ?? 'command';
  if (typeof rawType !== 'string' || !Object.hasOwn(JOB_REGISTRY, rawType)) {
    const ctx = new ParseContext(document, [], document.issues);
    const ci =
      typeof rawType === 'string'
        ? JOB_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase())
        : undefined;
    const guess = ci ?? (typeof rawType === 'string' ? didYouMean(rawType, JOB_TYPES) : undefined);
    ctx.report(JobLoadErrorCode.UnknownType, `Unsupported job type ${describeReceived(rawType)}.`, {
      at: 'type',
      expected: `one of ${JOB_TYPES.map((t) => `'${t}'`).join(', ')} (case-sensitive)`,
      received: describeReceived(rawType),
      ...(guess === undefined
        ? {}
        : {
            hint:
              ci !== undefined
                ? `job types are case-sensitive: did you mean '${guess}'?`
                : `did you mean '${guess}'?`,
          }),
    });
    throw JobLoadError.fromDiagnostics(session.diagnostics(), { sources });
  }
  const definition = JOB_REGISTRY[rawType]!;
  const ctx = new ParseContext(document, [], document.issues);
  const result = definition.schema.parse(doc, ctx);
  if (session.pending.length > 0) await session.drain();
  Object.assign(sources, session.sources);
  const diagnostics = session.diagnostics();
  if (diagnostics.length > 0 || result === INVALID) {
    if (diagnostics.length === 0) {
      diagnostics.push({
        code: JobLoadErrorCode.Invalid,
        path: [],
        file,
        line: 1,
        col: 1,
        message: 'The job is not valid.',
      });
    }
    throw JobLoadError.fromDiagnostics(diagnostics, { sources });
  }
  return definition.build(result, { basePath, file });
}
