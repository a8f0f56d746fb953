import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine, CONSOLE_HELP, runConsole } from '../../src/cli/console.js';
import type { CorpusIndex } from '../../src/core/index.js';
import { memoryQuestionMemory } from '../support/memoryQuestionStore.js';
import { SEED, seedIndex } from '../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

/** What the console prints for a line (fails when the line quits). */
async function reply(line: string, color = false): Promise<string> {
  const output = await answerLine(index, line, color);
  expect(output).not.toBe('quit');
  return output;
}

describe('answerLine', () => {
  it('prints the help for /help', async () => {
    expect(await reply('/help')).toBe(CONSOLE_HELP);
    expect(CONSOLE_HELP).toMatch(/\/ask/);
    expect(CONSOLE_HELP).toMatch(/\/who/);
    expect(CONSOLE_HELP).toMatch(/\/source/);
    expect(CONSOLE_HELP).toMatch(/\/quit/);
  });

  it('prints the help for a lone slash', async () => {
    expect(await reply('/')).toBe(CONSOLE_HELP);
  });

  it('answers /ask with the quote, its citation and the article to read', async () => {
    const output = await reply('/ask Who replaced Brian Hook?');
    expect(output).toMatch(
      /^“On Thursday, Washington announced the \*\*replacement\*\* of U\.S\. special representative for Iran \*\*Brian Hook\*\* with recent Venezuela envoy and Iran hawk Elliott Abrams\.” \[1\]/,
    );
    expect(output).toContain('[1] Iran Strengthens Relationship With Russia Amid New Pressure From Washington — Washington Free Beacon, 2020-08-07');
    expect(output).toContain(`/source ${SEED.freeBeacon}`);
    expect(output).toContain(`also reported by Liberty Conservative News (/source ${SEED.libertyRewrite})`);
  });

  it('answers a bare question as if it were /ask', async () => {
    expect(await reply('Who replaced Brian Hook?')).toBe(await reply('/ask Who replaced Brian Hook?'));
  });

  it('accepts commands in any case', async () => {
    expect(await reply('/ASK Who replaced Brian Hook?')).toBe(await reply('/ask Who replaced Brian Hook?'));
  });

  it('says plainly when the corpus does not cover a question', async () => {
    expect(await reply('What is the capital of Australia?')).toMatch(/^The corpus does not cover this question\./);
  });

  it('names the year of the question that the nearest article never mentions', async () => {
    expect(await reply('What did Lavrov say about Iran in 2031?')).toMatch(/^The corpus does not cover this question\.\nIts nearest article never mentions “2031”\./);
  });

  it('asks for a question when /ask has none', async () => {
    expect(await reply('/ask')).toBe('Ask a question, for example: /ask Who replaced Brian Hook?');
  });

  it('explains a question of stop words only', async () => {
    expect(await reply('/ask what is the')).toBe('"what is the" has no words to search for; try a question with names or topics.');
  });

  it('marks matched words with ANSI bold on a terminal', async () => {
    const output = await reply('Who replaced Brian Hook?', true);
    expect(output).toContain('\u001b[1mBrian Hook\u001b[22m');
    expect(output).not.toContain('**');
  });

  it('lists the articles for /source without an argument', async () => {
    const output = await reply('/source');
    for (const article of index.articles) expect(output).toContain(article.id);
  });

  it('shows an article for /source with a few title words', async () => {
    const output = await reply('/source deepening relationship');
    expect(output.split('\n').slice(0, 4)).toEqual([
      'Russia and Iran Deepening Their Relationship',
      'VOA Editorials, 2022-07',
      'https://editorials.voa.gov/amp/russia-and-iran-deepening-their-relationship/6687303.html',
      `id: ${SEED.voaDeepening}`,
    ]);
    expect(output).toContain('— page 1 of 2 —');
    expect(output).toContain('In an interview on CNN, U.S. Special Envoy for Iran Robert Malley said');
  });

  it('says which reference matched nothing for /source of an unknown article', async () => {
    expect(await reply('/source brexit negotiations')).toBe('No article matches "brexit negotiations". List them with: articles');
  });

  it('offers close titles for /source of an unknown article that shares words with some', async () => {
    expect(await reply('/source Iran sanctions snapback timeline')).toMatch(
      /^No article matches "Iran sanctions snapback timeline"\. Did you mean: .*russia-iran-deepening-relationship/,
    );
  });

  it('answers /who Zarif with his full name, other forms, role and the sentences that name him', async () => {
    const output = await reply('/who Zarif');
    expect(output).toMatch(/^Mohammad Javad Zarif\nAlso written: Javad Zarif; Zarif\n/u);
    expect(output).toContain('Iranian foreign minister');
    expect(output).toContain('**Mohammad Javad Zarif** and Walid Moallem');
  });

  it('asks for a name when /who has none', async () => {
    expect(await reply('/who')).toBe('Name a person, for example: /who Zarif');
  });

  it('says when /who names someone the corpus never mentions', async () => {
    expect(await reply('/who Angela Merkel')).toBe('"Angela Merkel" is not a person named in the corpus.');
  });

  it('names an unknown /command and shows the help', async () => {
    expect(await reply('/weather Tehran')).toBe(`Unknown command /weather.\n${CONSOLE_HELP}`);
  });

  it('prints nothing for an empty line or a line of spaces', async () => {
    expect(await reply('')).toBe('');
    expect(await reply('    \t ')).toBe('');
  });

  it('quits on /quit and /exit', async () => {
    expect(await answerLine(index, '/quit')).toBe('quit');
    expect(await answerLine(index, '  /exit  ')).toBe('quit');
  });

  it('answers a line of binary garbage without throwing', async () => {
    await expect(answerLine(index, '\u0000\u0001\uFFFD\uFFFD binary \u0007')).resolves.toBeTypeOf('string');
  });

  it('answers a 10,000-character line, saying it was cut', async () => {
    expect(await reply('x'.repeat(10_000))).toContain('(The question was long: only its first words were searched.)');
  });
});

describe('runConsole', () => {
  it('answers each line in order after a prompt, and stops at /quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsole({ index }, { input, output, color: false });
    input.write('/help\nWho replaced Brian Hook?\n/quit\nWhat is the capital of Australia?\n');
    await done;
    expect(printed.startsWith('dossier> ')).toBe(true);
    expect(printed).toContain(CONSOLE_HELP);
    expect(printed).toContain('Elliott Abrams');
    expect(printed).not.toContain('The corpus does not cover this question.');
    expect(printed.indexOf(CONSOLE_HELP)).toBeLessThan(printed.indexOf('Elliott Abrams'));
  });

  it('stops at the end of the input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const done = runConsole({ index }, { input, output, color: false });
    input.end('/who Zarif\n');
    await expect(done).resolves.toBeUndefined();
  });
});

describe('recording in the console', () => {
  it('records each question asked, with the place console', async () => {
    const { memory, queue } = memoryQuestionMemory();
    await answerLine(index, 'Who replaced Brian Hook?', false, memory);
    await answerLine(index, '/ask What is the capital of Australia?', false, memory);
    expect(queue.pendingQuestions.map((record) => [record.question, record.outcome, record.place])).toEqual([
      ['Who replaced Brian Hook?', 'answered', 'console'],
      ['What is the capital of Australia?', 'declined', 'console'],
    ]);
  });

  it('records no other command', async () => {
    const { memory, queue } = memoryQuestionMemory();
    await answerLine(index, '/who Zarif', false, memory);
    await answerLine(index, '/source rasht', false, memory);
    expect(queue.pendingQuestions).toEqual([]);
  });

  it('lists the declined questions with /gaps', async () => {
    const { memory } = memoryQuestionMemory();
    await answerLine(index, 'How many drones did Iran sell to Venezuela?', false, memory);
    expect(await answerLine(index, '/gaps', false, memory)).toContain(`1× "How many drones did Iran sell to Venezuela?"`);
  });

  it('says /gaps has nothing to show when recording is off', async () => {
    expect(await reply('/gaps')).toBe('Questions are not recorded here (RECORD_QUESTIONS=off).');
  });
});
