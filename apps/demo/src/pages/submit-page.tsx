import { useEffect, useRef, useState } from 'preact/hooks';

import { useStudio } from '../studio-context.js';
import { validateJobText } from '../validate-job-text.js';
import type { EditorDiagnostic } from '../validate-job-text.js';

const EXAMPLE = `$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
type: command
display_name: hello-world
experiment_name: studio
command: echo "hello world"
environment:
  image: library/python:latest
compute: local
`;

/** Character offset of a 1-based line and column in `text`. */
export function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, col - 1));
}

/** Submit: paste or upload a job YAML, see the diagnostics at their line and column, submit. */
export function SubmitPage() {
  const { api, navigate, reportError } = useStudio();
  const [text, setText] = useState(EXAMPLE);
  const [file, setFile] = useState('job.yml');
  const [diagnostics, setDiagnostics] = useState<readonly EditorDiagnostic[] | undefined>(
    undefined,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const editor = useRef<HTMLTextAreaElement>(null);
  const lines = text.split('\n');

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      void validateJobText(text, file).then(
        (result) => {
          if (!stale) setDiagnostics(result.diagnostics);
        },
        (failure: unknown) => {
          if (!stale) setError(failure instanceof Error ? failure.message : String(failure));
        },
      );
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, file]);

  const jumpTo = (d: EditorDiagnostic): void => {
    const area = editor.current;
    if (area === null) return;
    const at = offsetOf(text, d.line, d.col);
    area.focus();
    area.setSelectionRange(at, at);
  };

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await validateJobText(text, file);
      setDiagnostics(result.diagnostics);
      if (!result.ok) return;
      const created = await api.submit(result.job);
      if (created.name !== undefined) navigate({ page: 'job', name: created.name });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      reportError(failure);
    } finally {
      setBusy(false);
    }
  };

  const byLine = new Map<number, EditorDiagnostic[]>();
  for (const d of diagnostics ?? []) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);

  return (
    <section aria-labelledby="submit-title">
      <h1 id="submit-title">Submit a job</h1>
      <p class="muted">
        Paste a job YAML or open a file. It is checked as you type, with the same diagnostics as{' '}
        <code>amlkit job validate</code>. Jobs with local <code>code:</code> folders or input files
        need <code>amlkit job create -f</code> (the page cannot read your disk).
      </p>
      <form
        class="submit"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label class="file-pick">
          Open a YAML file{' '}
          <input
            type="file"
            accept=".yml,.yaml,text/yaml"
            onChange={(event) => {
              const picked = event.currentTarget.files?.[0];
              if (picked === undefined) return;
              void picked.text().then((content) => {
                setFile(picked.name);
                setText(content);
              });
            }}
          />
        </label>
        <label for="yaml-editor">Job YAML ({file})</label>
        <textarea
          id="yaml-editor"
          ref={editor}
          name="yaml"
          spellcheck={false}
          rows={Math.min(30, Math.max(10, lines.length + 1))}
          value={text}
          aria-describedby="diagnostics"
          aria-invalid={diagnostics !== undefined && diagnostics.length > 0}
          onInput={(event) => {
            setText(event.currentTarget.value);
          }}
        />
        <div id="diagnostics" aria-live="polite">
          {diagnostics === undefined ? (
            <p class="muted">Checking…</p>
          ) : diagnostics.length === 0 ? (
            <p class="ok">No problems found.</p>
          ) : (
            <>
              <p class="error">
                {diagnostics.length} problem{diagnostics.length === 1 ? '' : 's'}:
              </p>
              <ol class="diagnostics">
                {diagnostics.map((d, index) => (
                  <li key={index} data-line={d.line} data-col={d.col}>
                    <button
                      type="button"
                      class="linkish"
                      onClick={() => {
                        jumpTo(d);
                      }}
                    >
                      {file}:{d.line}:{d.col}
                    </button>{' '}
                    {d.path === '' ? null : <code>{d.path}</code>} {d.message}
                    {d.expected === undefined ? null : (
                      <span class="muted"> expected {d.expected}</span>
                    )}
                    {d.received === undefined ? null : (
                      <span class="muted">, received {d.received}</span>
                    )}
                    {d.hint === undefined ? null : <span class="hint"> ({d.hint})</span>}
                  </li>
                ))}
              </ol>
              <div class="code-view" aria-label="YAML with problems marked">
                {lines.map((line, index) => {
                  const marks = byLine.get(index + 1);
                  return (
                    <div
                      key={index}
                      class={marks === undefined ? 'code-line' : 'code-line marked'}
                      data-line={index + 1}
                    >
                      <span class="ln" aria-hidden="true">
                        {index + 1}
                      </span>
                      <code>{line === '' ? ' ' : line}</code>
                      {marks?.map((m, k) => (
                        <div key={k} class="inline-diag" role="note">
                          <span aria-hidden="true">{' '.repeat(Math.max(0, m.col - 1))}^ </span>
                          line {m.line}, column {m.col}: {m.message}
                        </div>
                      ))}
                    </div>
                  );
                })}
              </div>
            </>
          )}
        </div>
        {error === undefined ? null : (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || (diagnostics?.length ?? 0) > 0}>
          {busy ? 'Submitting…' : 'Submit'}
        </button>
      </form>
    </section>
  );
}
