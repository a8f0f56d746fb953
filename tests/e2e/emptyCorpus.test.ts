/**
 * Starting the bot with a corpus that has no usable article: it refuses to log in, says why, and
 * exits 1 (a supervisor then shows the failure instead of a bot that can only decline).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startBotWithFakeDiscord, stopBotsWithFakeDiscord } from '../support/botProcess.js';
import { makeTempCorpus, removeTempCorpora } from '../support/tempCorpus.js';

afterAll(async () => {
  await stopBotsWithFakeDiscord();
  await removeTempCorpora();
});

describe('the bot with no usable article', () => {
  it('refuses to log in, names the reason and exits with status 1', async () => {
    const corpus = await makeTempCorpus({ 'broken.md': '---\ntitle: [unclosed\n---\n\nText.\n' });
    const { fake, bot, stop } = await startBotWithFakeDiscord({ env: { CORPUS_DIR: corpus, INDEX_CACHE_DIR: 'off' }, readyTimeoutMs: false });
    try {
      const exitCode = await bot.exited;
      expect(exitCode).toBe(1);
      expect(bot.logLines.some((line) => line.includes('no usable article in the corpus'))).toBe(true);
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await stop();
    }
  }, 20_000);
});
