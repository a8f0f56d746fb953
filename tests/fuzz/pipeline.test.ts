/**
 * The fuzz gate: thousands of random and adversarial questions through the whole pipeline —
 * normalise → retrieve → compose → render → fit — on the real corpus. Nothing may throw, every
 * payload must fit Discord's limits, ping no one and carry no live mention or lone surrogate.
 * A failure names its seed and the question, so it can be replayed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, findArticle, findPerson, isQuestionProblem, paginateArticle, type CorpusIndex } from '../../src/core/index.js';
import { renderAnswer, renderPerson, renderSourcePage } from '../../src/discord/render.js';
import { fitMessage, type OutgoingMessage } from '../../src/discord/send.js';
import { countedTexts, LONE_SURROGATE } from '../discord/discordLimits.js';
import { seededRandom, type Random } from '../support/seededRandom.js';
import { seedIndex } from '../support/seedCorpus.js';

const QUESTIONS_PER_SEED = 2_500;
const SEEDS = [1, 42, 20_200_807, 987_654_321];
/** Mention syntax Discord would make live: @everyone/@here, users, roles, channels. */
const LIVE_MENTION = /@(?:everyone|here)|<@[!&]?\d+>|<#\d+>/u;

// biome-ignore format: packed word list
const ADVERSARIAL = [
  '@everyone', '@here', '<@1>', '<@!1>', '<@&1>', '<#1>', '＠everyone', '＠here', '@\u200beveryone',
  '**bold**', '__under__', '~~strike~~', '||spoiler||', '`code`', '```block```', '# heading', '> quote', '-# subtext',
  '[click](https://evil.example/)', '[x](javascript:alert(1))', '](<', ')', '\\', '\\*',
  '\u202Eevil\u202C', '\u2066isolate\u2069', '\u200B', '\uFEFF', '\u0000', '\u0007', '\uD800', '\uDC00', '😀', '🇮🇷🇷🇺',
  'Ｚａｒｉｆ', 'cafe\u0301', 'Лавров', 'ظريف', '伊朗', '\n', '\t', '   ', '?', '!!!', '…',
];
const WORDS = ['Who', 'replaced', 'Brian', 'Hook', 'Zarif', 'sanctions', 'UAVs', 'NATO', 'U.S.', 'embargo', 'Iran', 'Russia', 'the', 'of', 'what', 'pancakes'];

function randomPiece(random: Random): string {
  const kind = random.int(0, 9);
  if (kind <= 3) return random.pick(ADVERSARIAL);
  if (kind <= 6) return random.pick(WORDS);
  if (kind === 7) return String.fromCodePoint(random.int(0x20, 0x2fff));
  if (kind === 8) return String.fromCharCode(random.int(0xd800, 0xdfff));
  return random.pick(WORDS).repeat(random.int(50, 1_200));
}

function randomQuestion(random: Random): string {
  const parts: string[] = [];
  for (let count = random.int(1, 8); count > 0; count -= 1) parts.push(randomPiece(random));
  return parts.join(random.pick([' ', '', '\n']));
}

/** What is wrong with a payload, or null. */
function payloadProblem(message: OutgoingMessage): string | null {
  const payload = fitMessage(message);
  if (payload.allowedMentions.parse.length !== 0) return 'allowedMentions not empty';
  if (payload.content.length > 2_000) return 'content too long';
  const texts = [payload.content, ...payload.embeds.flatMap(countedTexts)];
  let total = 0;
  for (const embed of payload.embeds) {
    if ((embed.title?.length ?? 0) > 256 || (embed.description?.length ?? 0) > 4_096 || (embed.fields?.length ?? 0) > 25) return 'embed part too long';
    if ((embed.fields ?? []).some((field) => field.name.length === 0 || field.name.length > 256 || field.value.length === 0 || field.value.length > 1_024))
      return 'field out of bounds';
    total += countedTexts(embed).reduce((sum, text) => sum + text.length, 0);
  }
  if (total > 6_000) return `embeds total ${total}`;
  for (const text of texts) {
    if (LIVE_MENTION.test(text)) return `live mention in ${JSON.stringify(text.slice(0, 80))}`;
    if (LONE_SURROGATE.test(text)) return 'lone surrogate';
  }
  return null;
}

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

describe('the pipeline under random and adversarial questions', () => {
  it(`answers ${QUESTIONS_PER_SEED * SEEDS.length} questions without an exception, within limits, pinging no one`, async () => {
    const failures: string[] = [];
    const times: number[] = [];
    for (const seed of SEEDS) {
      const random = seededRandom(seed);
      for (let n = 0; n < QUESTIONS_PER_SEED && failures.length < 5; n += 1) {
        const question = randomQuestion(random);
        try {
          const started = performance.now();
          const answer = await answerQuestion(index, question);
          times.push(performance.now() - started);
          if (isQuestionProblem(answer)) continue;
          let problem = payloadProblem(renderAnswer(answer, index, n % 2 === 0));
          // /who and /source take the same text on every fifth question: enough to cover them, at a fifth of the cost.
          if (problem === null && n % 5 === 0) {
            problem = payloadProblem(renderPerson(findPerson(index.people, question), index));
            const lookup = findArticle(index, question);
            if (problem === null && lookup.kind === 'found') problem = payloadProblem(renderSourcePage(lookup.article, paginateArticle(lookup.article), 1, index));
          }
          if (problem) failures.push(`seed ${seed} #${n}: ${problem} for ${JSON.stringify(question.slice(0, 120))}`);
        } catch (error) {
          failures.push(`seed ${seed} #${n}: threw ${String(error)} for ${JSON.stringify(question.slice(0, 120))}`);
        }
      }
    }
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
    // The figure the issue asks for: the worst questions cost about what typical ones do.
    process.stdout.write(
      `fuzz: ${times.length} questions answered; core time p50 ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${(times.at(-1) ?? 0).toFixed(2)} ms\n`,
    );
    expect(failures).toEqual([]);
  }, 120_000);
});
