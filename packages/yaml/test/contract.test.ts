// The API contract other packages code against. Type-level assertions fail `tsc --noEmit`
// (the typecheck task) when a signature drifts; the runtime part checks the exports exist.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../src/index.js';
import type {
  ParsedYaml,
  ParseYamlOptions,
  PathSegment,
  SetOverride,
  SourceLocation,
  SourceMap,
  YamlDiagnostic,
  YamlError,
} from '../src/index.js';

describe('public API contract', () => {
  it('does export every contract function and the error class', () => {
    for (const name of [
      'parseYaml',
      'readYamlFile',
      'isYamlError',
      'formatPath',
      'formatDiagnostic',
      'formatCodeFrame',
      'parseSetExpression',
      'applySetOverrides',
      'stringifyYaml',
      'writeYamlFile',
      'writeYamlStream',
      'YamlError',
    ] as const) {
      expect(typeof api[name], name).toBe('function');
    }
  });

  it('does keep the contract types', () => {
    expectTypeOf<PathSegment>().toEqualTypeOf<string | number>();
    expectTypeOf<SourceLocation>().toEqualTypeOf<{
      file: string;
      line: number;
      col: number;
      endLine?: number;
      endCol?: number;
    }>();
    expectTypeOf<YamlDiagnostic>().toEqualTypeOf<{
      code: string;
      path: PathSegment[];
      file: string;
      line: number;
      col: number;
      message: string;
      expected?: string;
      received?: string;
      hint?: string;
    }>();
    expectTypeOf<ParsedYaml>().toEqualTypeOf<{
      value: unknown;
      text: string;
      file: string;
      sourceMap: SourceMap;
    }>();
    expectTypeOf<ParseYamlOptions>().toEqualTypeOf<{
      file?: string;
      maxBytes?: number;
      maxAliasCount?: number;
      maxDepth?: number;
    }>();
    expectTypeOf<SetOverride>().toEqualTypeOf<{
      path: PathSegment[];
      value: unknown;
      source: string;
    }>();
    expectTypeOf<SourceMap['locate']>().toEqualTypeOf<
      (path: readonly PathSegment[], options?: { key?: boolean }) => SourceLocation | undefined
    >();
    expectTypeOf<SourceMap['locateNearest']>().toEqualTypeOf<
      (path: readonly PathSegment[]) => SourceLocation
    >();
    expectTypeOf<YamlError>().toExtend<Error>();
    expectTypeOf<YamlError['name']>().toEqualTypeOf<'YamlError'>();
    expectTypeOf<YamlError['code']>().toEqualTypeOf<string>();
    expectTypeOf<YamlError['diagnostics']>().toEqualTypeOf<YamlDiagnostic[]>();
  });

  it('does keep the contract function signatures', () => {
    expectTypeOf(api.parseYaml).toEqualTypeOf<
      (text: string, options?: ParseYamlOptions) => ParsedYaml
    >();
    expectTypeOf(api.readYamlFile).toExtend<
      (
        path: string,
        options?: Omit<ParseYamlOptions, 'file'> & { signal?: AbortSignal },
      ) => Promise<ParsedYaml>
    >();
    expectTypeOf(api.isYamlError).toEqualTypeOf<(e: unknown) => e is YamlError>();
    expectTypeOf(api.formatPath).toEqualTypeOf<(path: readonly PathSegment[]) => string>();
    expectTypeOf(api.formatDiagnostic).toExtend<
      (d: YamlDiagnostic, options?: { text?: string; color?: boolean }) => string
    >();
    expectTypeOf(api.formatCodeFrame).toExtend<
      (
        text: string,
        line: number,
        col: number,
        options?: { color?: boolean; context?: number },
      ) => string
    >();
    expectTypeOf(api.parseSetExpression).toEqualTypeOf<(expr: string) => SetOverride>();
    expectTypeOf(api.applySetOverrides).toEqualTypeOf<
      (value: unknown, overrides: readonly (string | SetOverride)[]) => unknown
    >();
    expectTypeOf(api.stringifyYaml).toExtend<
      (
        value: unknown,
        options?: {
          sortKeys?: boolean | ((path: readonly PathSegment[], keys: string[]) => string[]);
        },
      ) => string
    >();
    expectTypeOf(api.writeYamlFile).toExtend<
      (path: string, text: string, options?: { signal?: AbortSignal }) => Promise<void>
    >();
    expectTypeOf(api.writeYamlStream).toEqualTypeOf<
      (stream: NodeJS.WritableStream, text: string) => Promise<void>
    >();
  });
});
