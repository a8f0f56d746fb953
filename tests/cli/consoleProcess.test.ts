/**
 * The program itself (`node --import tsx src/main.ts`) with no DISCORD_TOKEN: it opens the local
 * console on standard input and must survive whatever is typed or piped into it.
 */
import { describe, expect, it } from 'vitest';
import { runTsx } from '../support/runProcess.js';

const MAIN = 'src/main.ts';
const NOTICE = 'No DISCORD_TOKEN set: opening the local console on 5 articles (type /help, or a question).';

describe('the program without a Discord token', () => {
  it('prints the one-line notice, answers odd input line by line, never crashes and exits 0 at /quit', async () => {
    const input = Buffer.concat([
      Buffer.from([0x00, 0x01, 0xff, 0xfe, 0xc3, 0x28, 0x20, 0x62, 0x69, 0x6e, 0x0a]),
      Buffer.from(`${'Zarif '.repeat(1_700)}\n`),
      Buffer.from('/source no-such-article-anywhere\n'),
      Buffer.from('        \n'),
      Buffer.from('Who replaced Brian Hook?\n'),
      Buffer.from('/who Zarif\n'),
      Buffer.from('/quit\n'),
      Buffer.from('What did Russia promise about visas for Iranians?\n'),
    ]);
    const result = await runTsx(MAIN, [], { input });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(NOTICE);
    expect(lines.filter((line) => line.includes('DISCORD_TOKEN'))).toHaveLength(1);
    expect(result.stdout).toContain('(The question was long: only its first words were searched.)');
    expect(result.stdout).toContain('No article matches "no-such-article-anywhere".');
    expect(result.stdout).toContain('Elliott Abrams');
    expect(result.stdout).toContain('Mentioned 5 time(s) in 3 article(s)');
    expect(result.stdout).not.toContain('Something went wrong');
    // Nothing after /quit is answered.
    expect(result.stdout).not.toContain('lift visa requirements');
  });

  it('leaves at /quit even while its input stays open', async () => {
    const result = await runTsx(MAIN, [], { input: '/help\n/quit\n', keepStdinOpen: true, timeoutMs: 10_000 });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/source <article>');
  });

  it('exits 0 at the end of its input', async () => {
    const result = await runTsx(MAIN, [], { input: '/source\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('russia-iran-deepening-relationship');
  });

  it('exits with status 2, naming each bad setting, before opening anything', async () => {
    const result = await runTsx(MAIN, [], { env: { LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'my-server' }, input: '/quit\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('LOG_LEVEL: must be one of');
    expect(result.stderr).toContain('DISCORD_GUILD_ID: must be a Discord id');
  });
});
