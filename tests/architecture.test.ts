/**
 * The core stays pure: no Discord, no file system, no logger, no environment. Read as text, so
 * the test holds even for code no test executes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './support/seedCorpus.js';

const CORE_DIR = path.join(PROJECT_ROOT, 'src', 'core');
const FORBIDDEN_MODULES = ['discord.js', 'node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'pino', 'dotenv'];

/** Every TypeScript file under src/core, with its text. */
async function coreFiles(): Promise<Array<{ file: string; text: string }>> {
  const entries = await readdir(CORE_DIR, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && /\.(?:ts|mts|cts)$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file: path.relative(PROJECT_ROOT, file), text: await readFile(file, 'utf8') })));
}

/** The module specifiers a file imports, re-exports or requires (static, dynamic, createRequire). */
function importedModules(text: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

/** Whether a specifier names a forbidden module or one of its subpaths (`pino/file`, `discord.js/…`). */
function isForbidden(specifier: string): boolean {
  return FORBIDDEN_MODULES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

describe('architecture: src/core is pure', () => {
  it('finds the core files to check', async () => {
    const files = await coreFiles();
    expect(files.map((entry) => entry.file)).toContain(path.join('src', 'core', 'answer', 'answer.ts'));
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it('imports neither discord.js, the file system, pino nor dotenv', async () => {
    const offenders = (await coreFiles()).flatMap(({ file, text }) => importedModules(text).filter(isForbidden).map((specifier) => `${file} imports ${specifier}`));
    expect(offenders).toEqual([]);
  });

  it('never reads process.env', async () => {
    const offenders = (await coreFiles()).filter(({ text }) => /\bprocess\s*(?:\.\s*env\b|\[\s*['"]env['"]\s*\])/.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('recognises every way a forbidden module can be imported', () => {
    const sample = [
      "import { Client } from 'discord.js';",
      "import fs from 'node:fs';",
      "import { readFile } from 'fs/promises';",
      "import type { Logger } from 'pino';",
      "export * from 'dotenv';",
      "const fs = await import('node:fs');",
      "const pino = require('pino');",
      "import 'dotenv/config';",
    ].join('\n');
    expect(importedModules(sample).filter(isForbidden)).toEqual(['discord.js', 'node:fs', 'fs/promises', 'pino', 'dotenv', 'dotenv/config', 'node:fs', 'pino']);
    expect(importedModules("import { analyze } from './analysis.js';\nimport MiniSearch from 'minisearch';").filter(isForbidden)).toEqual([]);
  });
});
