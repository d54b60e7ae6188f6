import type { CliIo } from './define-command.js';

/** Opens a URL with the platform's opener (`open`, `xdg-open`, `start`); failures only warn. */
export async function openInBrowser(url: string, io: CliIo): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  await new Promise<void>((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => {
      io.stderr.write(`Could not open a browser; open ${url} yourself.\n`);
      resolve();
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
