/**
 * Running the real programs (`src/cli/main.ts`, `src/main.ts`, `src/cli/validateCorpus.ts`) as
 * child processes through tsx, with a clean environment: no Discord token, no `.env` surprises.
 */
import { spawn } from 'node:child_process';
import { SETTINGS } from '../../src/config.js';
import { PROJECT_ROOT } from './seedCorpus.js';

export interface ProcessResult {
  /** Exit code, or null when the process was killed (after a timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunOptions {
  /** Written to standard input, which is then closed (unless `keepStdinOpen`). */
  readonly input?: string | Uint8Array;
  readonly keepStdinOpen?: boolean;
  /** Extra environment variables (on top of a minimal, token-free environment). */
  readonly env?: Readonly<Record<string, string>>;
  /** Default 15 s: a generous bound; the programs take about a second. */
  readonly timeoutMs?: number;
}

/**
 * The environment every spawned program gets: PATH and HOME, and every Dossier setting present
 * but empty (so unset), which also keeps a developer's `.env` from filling them in: dotenv never
 * overrides a variable that exists. Recording is off (no `data/dossier.db` in the project) unless
 * `extra` turns it on, with a `DATABASE_PATH` in a temporary folder.
 */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const settings = Object.fromEntries(Object.keys(SETTINGS).map((key) => [key, '']));
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...settings, RECORD_QUESTIONS: 'off', ...extra };
}

/** Runs `node --import tsx <script> ...args` in the project root and collects its output. */
export function runTsx(script: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: PROJECT_ROOT,
      env: cleanEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 15_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    // The program may exit before reading all of its input (on /quit): that is not an error.
    child.stdin.on('error', () => {});
    if (options.input !== undefined) child.stdin.write(options.input);
    if (!options.keepStdinOpen) child.stdin.end();
  });
}

/** Standard output split into non-empty lines. */
export function outputLines(result: ProcessResult): string[] {
  return result.stdout.split('\n').filter((line) => line.length > 0);
}
