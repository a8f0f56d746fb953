/**
 * Starting the bot with a corpus that has no usable article: it refuses to log in, says why, and
 * exits 1 (a supervisor then shows the failure instead of a bot that can only decline).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBotProcess } from '../support/botProcess.js';
import { startFakeDiscord } from '../support/fakeDiscord.js';

describe('the bot with no usable article', () => {
  it('refuses to log in, names the reason and exits with status 1', async () => {
    const corpus = await mkdtemp(path.join(tmpdir(), 'dossier-empty-'));
    await writeFile(path.join(corpus, 'broken.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const fake = await startFakeDiscord();
    const bot = startBotProcess(fake, { CORPUS_DIR: corpus, INDEX_CACHE_DIR: 'off' });
    try {
      const exitCode = await bot.exited;
      expect(exitCode).toBe(1);
      expect(bot.logLines.some((line) => line.includes('no usable article in the corpus'))).toBe(true);
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await bot.stop();
      await fake.close();
    }
  }, 20_000);
});
