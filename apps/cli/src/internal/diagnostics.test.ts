import { describe, expect, it } from 'vitest';
import { createColors } from './colors.js';
import {
  countProblems,
  diagnosticReportOf,
  formatDiagnosticLine,
  isFileReport,
  renderDiagnostics,
  type Diagnostic,
} from './diagnostics.js';

const typo: Diagnostic = {
  code: 'UNKNOWN_FIELD',
  path: ['enviroment_variables'],
  file: 'job.yml',
  line: 3,
  col: 1,
  message: 'unknown field enviroment_variables',
  expected: 'a command job field',
  received: "'enviroment_variables'",
  hint: "did you mean 'environment_variables'?",
};

function loadError(diagnostics: unknown[], code = 'JOB_INVALID'): Error {
  return Object.assign(new Error('invalid job'), {
    name: 'JobLoadError',
    code,
    diagnostics,
    sources: { 'job.yml': 'a: 1\nb: 2\nenviroment_variables: {}\n' },
  });
}

describe('formatDiagnosticLine', () => {
  const { expected: _expected, received: _received, ...bare } = typo;
  it('writes file:line:col: message (expected …, received …)', () => {
    expect(formatDiagnosticLine(typo)).toBe(
      "job.yml:3:1: unknown field enviroment_variables (expected a command job field, received 'enviroment_variables')",
    );
    expect(formatDiagnosticLine(bare)).toBe('job.yml:3:1: unknown field enviroment_variables');
  });
});

describe('diagnosticReportOf', () => {
  it('reads diagnostics and sources from a JobLoadError or YamlError by name', () => {
    const report = diagnosticReportOf(loadError([typo, { nonsense: true }]));
    expect(report?.diagnostics).toEqual([typo]);
    expect(report?.sources['job.yml']).toContain('enviroment_variables');
    const yamlError = Object.assign(new Error('bad'), {
      name: 'YamlError',
      code: 'YAML_SYNTAX',
      diagnostics: [],
    });
    expect(diagnosticReportOf(yamlError)?.code).toBe('YAML_SYNTAX');
  });

  it('ignores other errors', () => {
    expect(diagnosticReportOf(new Error('x'))).toBeUndefined();
    expect(diagnosticReportOf({ name: 'JobLoadError', diagnostics: [] })).toBeUndefined();
  });
});

describe('isFileReport', () => {
  it('tells file problems from content problems', () => {
    expect(isFileReport(diagnosticReportOf(loadError([typo]))!)).toBe(false);
    expect(isFileReport(diagnosticReportOf(loadError([], 'YAML_FILE_NOT_FOUND'))!)).toBe(true);
    expect(
      isFileReport(diagnosticReportOf(loadError([{ ...typo, code: 'YAML_FILE_NOT_FOUND' }]))!),
    ).toBe(true);
  });
});

describe('renderDiagnostics', () => {
  it('prints the line, the hint and, with a formatter, the code frame', () => {
    const report = diagnosticReportOf(loadError([typo]))!;
    const colors = createColors(false);
    expect(renderDiagnostics(report, { colors })).toBe(
      `${formatDiagnosticLine(typo)}\n  hint: did you mean 'environment_variables'?\n`,
    );
    const framed = renderDiagnostics(report, {
      colors,
      codeFrame: (text, line, col) => `frame of line ${line} col ${col} of ${text.length} chars`,
    });
    expect(framed).toContain('frame of line 3 col 1 of');
  });
});

describe('countProblems', () => {
  it('pluralises', () => {
    expect(countProblems(1)).toBe('1 problem');
    expect(countProblems(2)).toBe('2 problems');
  });
});
