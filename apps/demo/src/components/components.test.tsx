import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';

import { LogTail } from '../log-tail.js';
import { toTrialRow } from '../sweep-trials.js';
import { orderLogFiles, LogViewer } from './log-viewer.js';
import { StatusBadge } from './status-badge.js';
import { StatusTimelineView } from './status-timeline-view.js';
import { MetricChart } from './sweep-trials-view.js';

describe('StatusBadge', () => {
  it('shows the status with its tone and description, escaped', () => {
    const html = renderToString(<StatusBadge status="Failed" />);
    expect(html).toContain('class="badge badge-bad"');
    expect(html).toContain('data-status="Failed"');
    expect(renderToString(<StatusBadge status={'<b>x</b>'} />)).toContain('&lt;b>x&lt;/b>');
  });
});

describe('LogViewer', () => {
  it('orders user logs first and escapes log text', () => {
    expect(
      orderLogFiles(['system_logs/a.txt', 'user_logs/z.txt', 'user_logs/std_log.txt']),
    ).toEqual(['user_logs/std_log.txt', 'user_logs/z.txt', 'system_logs/a.txt']);
    const tail = new LogTail();
    tail.append({ offset: 0, nextOffset: 20, text: '<script>x</script>\n' });
    const html = renderToString(
      <LogViewer logs={new Map([['user_logs/std_log.txt', tail]])} version={1} />,
    );
    expect(html).toContain('&lt;script>x&lt;/script>');
    expect(html).toContain('aria-selected="true"');
  });

  it('says when earlier output is hidden', () => {
    const tail = new LogTail();
    tail.startAt(2048);
    tail.append({ offset: 2048, nextOffset: 2060, text: 'partial\nend\n' });
    const html = renderToString(
      <LogViewer
        logs={new Map([['user_logs/std_log.txt', tail]])}
        version={1}
        onDownload={() => undefined}
      />,
    );
    expect(html).toMatch(/2\.0 KiB earlier not shown/);
    expect(html).toContain('Download the whole file');
  });
});

describe('StatusTimelineView', () => {
  it('lists each status with its time and reason', () => {
    const html = renderToString(
      <StatusTimelineView
        entries={[
          { status: 'Running', at: '2026-01-01T00:00:00Z' },
          { status: 'Failed', at: '2026-01-01T00:00:03Z', reason: 'exit 42' },
        ]}
        nowMs={0}
      />,
    );
    expect(html).toContain('3 s');
    expect(html).toContain('exit 42');
    expect(html).toContain('final');
  });
});

describe('MetricChart', () => {
  it('draws one bar per trial with a metric and marks the best', () => {
    const trials = [0.5, 0.9, undefined].map((m, i) =>
      toTrialRow(
        { name: `t${i}`, properties: { properties: m === undefined ? {} : { acc: m } } },
        'acc',
        0,
      ),
    );
    const html = renderToString(<MetricChart trials={trials} best={1} metric="acc" />);
    expect(html.match(/<rect/g)).toHaveLength(2);
    expect(html).toContain('class="bar best"');
  });
});
