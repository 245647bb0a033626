// `alloy-lint playground [FILE]`: serves the built playground (packages/playground/dist) on
// 127.0.0.1 and opens FILE in it; `--print-link FILE` prints the share link instead. The
// link's fragment holds the config, samples, test and settings (@alloy-lint/playground/share).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_SETTINGS, type PlaygroundState, readSettings, shareLink } from '@alloy-lint/playground/share';
import type { Command } from 'commander';
import { readInput } from '../files.js';
import { type Io, UsageError } from '../io.js';
import { serveStatic } from '../static-server.js';

interface PlaygroundOptions {
  inputs?: string;
  test?: string;
  alloyVersion?: string;
  stabilityLevel?: string;
  printLink?: boolean;
  base?: string;
  port: string;
  site?: string;
  open: boolean;
}

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('playground')
    .description('open a configuration in the browser playground, served on 127.0.0.1 (or print its share link)')
    .argument('[file]', 'Alloy file to open (its <name>.samples.yaml and <name>.test.yaml beside it come along)')
    .option('-i, --inputs <samples>', 'samples file to open with it')
    .option('-t, --test <file>', 'pipeline test file to open with it')
    .option('--alloy-version <version>', 'Alloy release selected in the playground')
    .option('--stability.level <level>', 'stability level selected in the playground')
    .option('--print-link', 'print the share link (path and # fragment) and exit')
    .option('--base <url>', 'where the playground is deployed, for --print-link', '/')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0: any free port)', '0')
    .option('--site <dir>', 'serve this built playground instead of the installed one')
    .option('--no-open', 'print the address without opening a browser')
    .action(async (file: string | undefined, raw: Record<string, unknown>) => {
      const opts = { ...raw, stabilityLevel: raw['stability.level'] ?? raw.stabilityLevel } as unknown as PlaygroundOptions;
      done(await playground(file, opts, io));
    });
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The file named by an option, else `<config>.<kind>.yaml` beside the config when it exists (read inside the config's root). */
async function companion(io: Io, config: string | undefined, given: string | undefined, kind: string): Promise<string> {
  if (given) return text((await readInput(given, io)).bytes);
  if (!config || config === '-') return '';
  const p = config.replace(/\.alloy$/, '') + `.${kind}.yaml`;
  return existsSync(resolve(io.cwd, p)) ? text((await readInput(p, io)).bytes) : '';
}

async function stateOf(file: string | undefined, opts: PlaygroundOptions, io: Io): Promise<PlaygroundState> {
  const settings = readSettings({ ...DEFAULT_SETTINGS, alloyVersion: opts.alloyVersion ?? DEFAULT_SETTINGS.alloyVersion, stabilityLevel: opts.stabilityLevel ?? DEFAULT_SETTINGS.stabilityLevel });
  if (opts.alloyVersion && settings.alloyVersion !== opts.alloyVersion) throw new UsageError(`invalid Alloy release ${JSON.stringify(opts.alloyVersion)}`);
  if (opts.stabilityLevel && settings.stabilityLevel !== opts.stabilityLevel) throw new UsageError(`invalid stability level ${JSON.stringify(opts.stabilityLevel)}`);
  const config = file ? text((await readInput(file, io)).bytes) : '';
  return { config, samples: await companion(io, file, opts.inputs, 'samples'), test: await companion(io, file, opts.test, 'test'), settings };
}

/** The built site: --site, else the dist/ of the installed @alloy-lint/playground. */
function siteDir(opts: PlaygroundOptions, io: Io): string {
  let dir = opts.site && resolve(io.cwd, opts.site);
  if (!dir) {
    try {
      dir = join(dirname(createRequire(import.meta.url).resolve('@alloy-lint/playground/package.json')), 'dist');
    } catch {
      dir = undefined;
    }
  }
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    throw new UsageError(`no built playground ${opts.site ? `in ${opts.site}` : 'here'}: \`npm run build\` in an alloy-lint checkout makes packages/playground/dist (pass it as --site), or print a link for a deployed playground with --print-link --base <url>`);
  }
  return dir;
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open: the address is printed anyway.
  }
}

export async function playground(file: string | undefined, opts: PlaygroundOptions, io: Io): Promise<number> {
  const state = await stateOf(file, opts, io);
  if (opts.printLink) {
    if (!file) throw new UsageError('--print-link needs a file');
    io.stdout(shareLink(state, opts.base ?? '/') + '\n');
    return 0;
  }
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port ${JSON.stringify(opts.port)}`);
  const dir = siteDir(opts, io);
  let served;
  try {
    served = await serveStatic(dir, port);
  } catch (e) {
    throw new UsageError(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
  }
  const url = file ? shareLink(state, served.url) : served.url;
  io.stdout(`alloy-lint playground: serving ${dir} at ${served.url}\n${url}\n(press Ctrl+C to stop)\n`);
  if (opts.open && !io.env.CI) openBrowser(url);
  await new Promise<void>((stop) => {
    const end = () => {
      served.server.close(() => stop());
      served.server.closeAllConnections();
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
  return 0;
}
