import { describe, expect, it } from 'vitest';

import {
  anonymousEnvironmentVersion,
  type AnonymousEnvironmentVersionInput,
} from './anonymous-environment-version.js';
import { md5Hex } from './md5.js';
import { md5HexNode } from './md5.node.js';
import { pythonStrJoin } from './python-str-join.js';
import { pyyamlDump } from './pyyaml-dump.js';
import { callsOf } from './test-support/corpus.js';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

describe('anonymousEnvironmentVersion', () => {
  it('reproduces the version of every anonymous environment in the goldens', () => {
    const anonymous = callsOf('environment').filter((entry) => entry.call.anonymous === true);
    expect(anonymous.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set<string>();
    for (const { file, call } of anonymous) {
      let input: AnonymousEnvironmentVersionInput;
      if (typeof call.build_upload_hash === 'string') {
        kinds.add('build');
        input = {
          build: {
            uploadHash: call.build_upload_hash,
            ...(typeof call.build_dockerfile_path === 'string'
              ? { dockerfilePath: call.build_dockerfile_path }
              : {}),
          },
        };
      } else {
        kinds.add(typeof call.conda_file_yaml === 'string' ? 'image+conda' : 'image');
        input = {
          image: call.image as string,
          ...(typeof call.conda_file_yaml === 'string'
            ? { condaFileYaml: call.conda_file_yaml }
            : {}),
          ...(call.inference_config !== undefined && call.inference_config !== null
            ? { inferenceConfig: call.inference_config }
            : {}),
        };
      }
      const version = anonymousEnvironmentVersion(input);
      expect(version, file).toBe(call.version);
      expect(anonymousEnvironmentVersion(input, { md5Hex: md5HexNode }), file).toBe(call.version);
      expect(`${WS}/environments/CliV2AnonymousEnvironment/versions/${version}`, file).toBe(
        call.id,
      );
    }
    expect(kinds).toEqual(new Set(['build', 'image', 'image+conda']));
  });

  it('reproduces the README worked example', () => {
    expect(anonymousEnvironmentVersion({ image: 'library/python:latest' })).toBe(
      'e6b10c1cf68e59c9ebd6f84184973c4b',
    );
  });

  // No golden has an inference config or a dockerfile path, so these follow the SDK source by hand.
  it('joins the inference config hash between the image and the conda hashes', () => {
    const inferenceConfig = { liveness_route: { path: '/', port: 5001 } };
    let h = md5Hex('img');
    h = pythonStrJoin(h, md5Hex(pyyamlDump(inferenceConfig)));
    h = pythonStrJoin(h, md5Hex('conda'));
    expect(
      anonymousEnvironmentVersion({ image: 'img', inferenceConfig, condaFileYaml: 'conda' }),
    ).toBe(md5Hex(h));
    for (const empty of [{}, [], null, '', 0]) {
      expect(anonymousEnvironmentVersion({ image: 'img', inferenceConfig: empty })).toBe(
        md5Hex(md5Hex('img')),
      );
    }
  });

  it('joins the dockerfile path hash to the upload hash for build contexts', () => {
    expect(
      anonymousEnvironmentVersion({ build: { uploadHash: 'u', dockerfilePath: 'Dockerfile.gpu' } }),
    ).toBe(md5Hex(pythonStrJoin(md5Hex('u'), md5Hex('Dockerfile.gpu'))));
  });

  it('hashes with the injected md5Hex', () => {
    const seen: string[] = [];
    const tagged = (text: string): string => {
      seen.push(text);
      return md5Hex(`salt:${text}`);
    };
    const version = anonymousEnvironmentVersion({ image: 'img' }, { md5Hex: tagged });
    expect(seen[0]).toBe('img');
    expect(version).toBe(md5Hex(`salt:${pythonStrJoin('', md5Hex('salt:img'))}`));
    expect(version).not.toBe(anonymousEnvironmentVersion({ image: 'img' }));
  });

  it('rejects an environment with neither or both of image and build', () => {
    expect(() => anonymousEnvironmentVersion({})).toThrow(
      /exactly one of image or build, received neither/,
    );
    expect(() => anonymousEnvironmentVersion({ image: 'x', build: { uploadHash: 'u' } })).toThrow(
      /received both/,
    );
  });
});
