import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeYamlStream } from '../src/index.js';

function sink(): { stream: Writable; chunks: string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, chunks };
}

describe('writeYamlStream', () => {
  it('does write the text and leaves the stream open', async () => {
    const { stream, chunks } = sink();
    await writeYamlStream(stream, 'a: 1\n');
    await writeYamlStream(stream, 'b: 2\n');
    expect(chunks.join('')).toBe('a: 1\nb: 2\n');
    expect(stream.writableEnded).toBe(false);
  });

  it('does reject a destroyed stream', async () => {
    const { stream } = sink();
    stream.destroy();
    await expect(writeYamlStream(stream, 'a: 1\n')).rejects.toMatchObject({
      name: 'YamlError',
      code: 'YAML_WRITE_FAILED',
    });
  });

  it('does reject an ended stream', async () => {
    const { stream } = sink();
    stream.end();
    await expect(writeYamlStream(stream, 'a: 1\n')).rejects.toMatchObject({
      code: 'YAML_WRITE_FAILED',
    });
  });

  it('does reject when the stream fails the write', async () => {
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('EPIPE: broken pipe'));
      },
    });
    stream.on('error', () => undefined);
    const err: unknown = await writeYamlStream(stream, 'a: 1\n').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'YAML_WRITE_FAILED' });
    expect((err as Error).message).toContain('EPIPE');
  });

  it('does reject when the stream is destroyed while a write is pending', async () => {
    let pending: (() => void) | undefined;
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        pending = callback;
      },
    });
    const promise = writeYamlStream(stream, 'a: 1\n');
    stream.destroy();
    await expect(promise).rejects.toMatchObject({ code: 'YAML_WRITE_FAILED' });
    pending?.();
  });

  it('does reject a read-only duplex end', async () => {
    const stream = new PassThrough();
    stream.end();
    await expect(writeYamlStream(stream, 'x')).rejects.toMatchObject({ code: 'YAML_WRITE_FAILED' });
  });
});
