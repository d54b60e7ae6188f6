import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  renderOutput,
  renderTable,
  renderTsv,
  type OutputColumn,
} from './render-output.js';

const COLUMNS: readonly OutputColumn[] = [
  { header: 'Name', cell: (row) => cellText(row.name) },
  { header: 'Status', cell: (row) => cellText(row.status) },
];

describe('renderTable', () => {
  it('pads columns under a header and a rule', () => {
    const text = renderTable(
      [
        { name: 'a', status: 'Completed' },
        { name: 'longer_name', status: 'Failed' },
      ],
      COLUMNS,
    );
    expect(text).toBe(
      'Name         Status\n-----------  ---------\na            Completed\nlonger_name  Failed\n',
    );
  });

  it('derives columns from the scalar keys of the rows when none are given', () => {
    expect(renderTable([{ a: 1, nested: { x: 1 } }, { b: true }])).toBe(
      'a  b\n-  ----\n1\n   true\n',
    );
  });

  it('shows a list of scalars as one Result column', () => {
    expect(renderTable(['x', 'y'])).toBe('Result\n------\nx\ny\n');
  });
});

describe('renderTsv', () => {
  it('writes one tab-separated line per row, without a header, and no tabs or newlines inside cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), status: fc.string() }), { maxLength: 20 }),
        (rows) => {
          const text = renderTsv(rows, COLUMNS);
          const lines = text === '' ? [] : text.slice(0, -1).split('\n');
          expect(lines).toHaveLength(rows.length);
          for (const line of lines) expect(line.split('\t')).toHaveLength(2);
        },
      ),
    );
  });
});

describe('renderOutput', () => {
  it('prints json with two-space indentation, nothing for none, and yaml through the stringifier', () => {
    expect(renderOutput({ a: [1] }, { format: 'json' })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
    expect(renderOutput({ a: 1 }, { format: 'none' })).toBe('');
    expect(renderOutput({ a: 1 }, { format: 'yaml', yaml: () => 'a: 1' })).toBe('a: 1\n');
    expect(() => renderOutput({}, { format: 'yaml' })).toThrow(TypeError);
  });
});
