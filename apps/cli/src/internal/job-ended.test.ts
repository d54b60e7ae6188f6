import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createColors } from './colors.js';
import { formatJobError, writeJobEnded } from './job-ended.js';

const plain = createColors(false);

function capture(): { write(chunk: string): void; text: () => string } {
  let text = '';
  return {
    write(chunk) {
      text += chunk;
    },
    text: () => text,
  };
}

describe('formatJobError', () => {
  it('does put a one-line message after the code', () => {
    expect(formatJobError({ code: 'JobTimeout', message: 'ran longer than 2 s' })).toBe(
      'Error (JobTimeout): ran longer than 2 s',
    );
  });

  it('does indent each further line of a multi-line message by two spaces', () => {
    const message =
      "Step 'a' (job plf1_a) failed: Command exited with code 3. Last log lines of user_logs/std_log.txt:\none\ntwo\r\nCanceled after the failure: b\nNot run: c\n\n";
    expect(formatJobError({ code: 'UserError', message })).toBe(
      [
        "Error (UserError): Step 'a' (job plf1_a) failed: Command exited with code 3. Last log lines of user_logs/std_log.txt:",
        '  one',
        '  two',
        '  Canceled after the failure: b',
        '  Not run: c',
      ].join('\n'),
    );
  });

  it('does keep every line of the message, in order, each after its prefix', () => {
    const line = fc.string().filter((s) => !/[\r\n]/.test(s));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const message = lines.join('\n');
        const printed = formatJobError({ code: 'C', message }).split('\n');
        const kept = message.replace(/\s+$/, '').split('\n');
        expect(printed).toHaveLength(kept.length);
        expect(printed[0]).toBe(`Error (C): ${kept[0] ?? ''}`);
        printed.slice(1).forEach((text, i) => {
          expect(text).toBe(`  ${kept[i + 1] ?? ''}`);
        });
      }),
    );
  });
});

describe('writeJobEnded', () => {
  it('does write the status line alone when there is no error', () => {
    const out = capture();
    writeJobEnded(out, { name: 'j1', status: 'Completed' }, { colors: plain, success: true });
    expect(out.text()).toBe('Job j1 ended Completed.\n');
  });

  it('does write the reason under the status line', () => {
    const out = capture();
    writeJobEnded(
      out,
      { name: 'j2', status: 'Failed' },
      { colors: plain, success: false, error: { code: 'UserError', message: 'boom\nline 2' } },
    );
    expect(out.text()).toBe('Job j2 ended Failed.\nError (UserError): boom\n  line 2\n');
  });

  it('does colour the status and the error label when colour is on', () => {
    const out = capture();
    writeJobEnded(
      out,
      { name: 'j3', status: 'Failed' },
      { colors: createColors(true), success: false, error: { code: 'E', message: 'm' } },
    );
    expect(out.text()).toBe(
      'Job j3 ended \u001B[31mFailed\u001B[39m.\n\u001B[31mError (E):\u001B[39m m\n',
    );
  });
});
