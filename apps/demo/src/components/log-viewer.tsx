import { useEffect, useRef, useState } from 'preact/hooks';

import { formatBytes } from '../format.js';
import type { LogTail } from '../log-tail.js';

/** Orders log files: user logs first (std_log first), then the rest by name. */
export function orderLogFiles(files: readonly string[]): string[] {
  const rank = (file: string): number =>
    file.startsWith('user_logs/std_log') ? 0 : file.startsWith('user_logs/') ? 1 : 2;
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Live logs: one tab per file (arrow keys move between tabs), the tail of the selected file,
 * and a follow mode that keeps the end in view.
 */
export function LogViewer(props: {
  readonly logs: ReadonlyMap<string, LogTail>;
  /** Bumped on every change so the view re-renders (tails are mutated in place). */
  readonly version: number;
  readonly onDownload?: ((file: string) => void) | undefined;
}) {
  const files = orderLogFiles([...props.logs.keys()]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [follow, setFollow] = useState(true);
  const pre = useRef<HTMLPreElement>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = selected !== undefined && props.logs.has(selected) ? selected : files[0];
  const tail = current === undefined ? undefined : props.logs.get(current);

  useEffect(() => {
    if (follow && pre.current !== null) pre.current.scrollTop = pre.current.scrollHeight;
  }, [follow, props.version, current]);

  if (files.length === 0) return <p class="muted">No log output yet.</p>;
  return (
    <div class="logs">
      <div class="log-bar">
        <div role="tablist" aria-label="Log files" class="tabs">
          {files.map((file, index) => (
            <button
              key={file}
              type="button"
              role="tab"
              id={`log-tab-${index}`}
              aria-selected={file === current}
              aria-controls="log-panel"
              tabIndex={file === current ? 0 : -1}
              ref={(el) => {
                tabs.current[index] = el;
              }}
              onClick={() => {
                setSelected(file);
              }}
              onKeyDown={(event) => {
                const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                if (delta === 0) return;
                event.preventDefault();
                const next = (index + delta + files.length) % files.length;
                setSelected(files[next]);
                tabs.current[next]?.focus();
              }}
            >
              {file}
            </button>
          ))}
        </div>
        <label class="follow">
          <input
            type="checkbox"
            checked={follow}
            onChange={(event) => {
              setFollow(event.currentTarget.checked);
            }}
          />{' '}
          Follow
        </label>
      </div>
      {tail?.truncated === true ? (
        <p class="muted log-note">
          Showing the end of the file: {formatBytes(tail.hiddenBefore)} earlier not shown.{' '}
          {props.onDownload !== undefined && current !== undefined ? (
            <button
              type="button"
              class="linkish"
              onClick={() => {
                props.onDownload?.(current);
              }}
            >
              Download the whole file
            </button>
          ) : null}
        </p>
      ) : null}
      <pre
        id="log-panel"
        role="tabpanel"
        aria-labelledby={`log-tab-${files.indexOf(current ?? '')}`}
        tabIndex={0}
        class="log"
        ref={pre}
        data-file={current}
      >
        {tail?.text ?? ''}
      </pre>
    </div>
  );
}
