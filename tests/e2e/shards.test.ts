/**
 * The built bot run sharded (`SHARDS=1`): the ShardingManager prepares the index snapshot, starts
 * a shard process that restores it, connects and answers; SIGTERM stops the shard gracefully.
 * Against the fake Discord on 127.0.0.1, as the unsharded end-to-end test.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { logRecords, startBotWithFakeDiscord, stopBotsWithFakeDiscord } from '../support/botProcess.js';
import { slashCommand } from '../support/fakeDiscord.js';
import { copySeedCorpus, removeTempCorpora } from '../support/tempCorpus.js';

afterAll(async () => {
  await stopBotsWithFakeDiscord();
  await removeTempCorpora();
});

describe('the bot under the ShardingManager', () => {
  it('starts one shard that restores the snapshot the manager saved, answers /ask, and stops on SIGTERM', async () => {
    const corpus = await copySeedCorpus();
    const { fake, bot, stop } = await startBotWithFakeDiscord({ env: { SHARDS: 'auto', CORPUS_DIR: corpus }, readyTimeoutMs: 25_000 });
    try {
      const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'Who replaced Brian Hook?' }));
      const edit = await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(interaction.token) && request.status < 300, 8_000);
      expect(JSON.stringify(edit.body)).toContain('Elliott Abrams');
      expect(fake.identifies[0]?.shard).toEqual([0, 1]);

      expect(await bot.stop()).toBe(0);
      const records = logRecords(bot.logLines);
      const indexed = records.filter((record) => record['msg'] === 'corpus indexed');
      expect(indexed.map((record) => [record['role'] ?? 'shard', record['index']])).toEqual([
        ['shard-manager', 'built (missing)'],
        ['shard', 'restored from snapshot'],
      ]);
      expect(records.some((record) => record['msg'] === 'all shards ready')).toBe(true);
      expect(records.some((record) => record['msg'] === 'disconnected from Discord' && JSON.stringify(record['shards']) === '[0]')).toBe(true);
    } finally {
      await stop();
    }
  }, 40_000);

  it('stops every shard and exits 1, without respawning, when the gateway rejects the token of a running shard', async () => {
    const corpus = await copySeedCorpus();
    const { fake, bot, stop } = await startBotWithFakeDiscord({ env: { SHARDS: '1', CORPUS_DIR: corpus }, readyTimeoutMs: 25_000 });
    try {
      fake.dropGatewayConnection(4004);
      expect(await bot.exited).toBe(1);
      const records = logRecords(bot.logLines);
      expect(records.filter((record) => record['level'] === 60).map((record) => record['msg'])).toEqual([
        expect.stringMatching(/^DISCORD_TOKEN was rejected by the gateway/),
        'a shard stopped for a reason no restart can fix (see its fatal line): stopping every shard',
      ]);
      expect(fake.identifies).toHaveLength(1);
    } finally {
      await stop();
    }
  }, 40_000);
});
