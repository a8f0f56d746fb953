import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import type { Article } from '../../../src/core/types.js';
import { rerankPassages, retrieve } from '../../support/retrieval.js';

describe('promoteAnswerBearing, through retrievePassages', () => {
  // A news lead restates what happened; the paragraph after it names who. Each paragraph is its own passage.
  const lead = 'Tottenham manager Jacques Santini has resigned after only a few months in charge of the club.';
  const answer = 'His assistant Martin Jol has been put in temporary charge of the first team.';
  const coda = 'The club said the decision was for personal reasons.';
  const question = 'Who was put in temporary charge of Tottenham after Jacques Santini resigned?';
  const football = (id: string, text: string): Article => ({ id, title: 'Santini quits as Tottenham boss', text, source: `${id}.md` });
  const topPassages = async (articles: readonly Article[], asked: string): Promise<string[]> =>
    (await retrieve(buildCorpusIndex(articles, { targetLength: 10 }), asked)).map((hit) => hit.passage.id);

  it('puts first the paragraph that names the answer when the lead above it only restates the question', async () => {
    const articles = [football('spurs', `${lead}\n\n${answer}\n\n${coda}`)];
    // The lead matches more of the question's words: without the promotion it would come first.
    const scores = rerankPassages(buildCorpusIndex(articles, { targetLength: 10 }), question);
    expect(scores.get('spurs#0')).toBeGreaterThan(scores.get('spurs#1')!);
    expect((await topPassages(articles, question))[0]).toBe('spurs#1');
  });

  it('keeps scores descending down the ranking after a promotion', async () => {
    const hits = await retrieve(buildCorpusIndex([football('spurs', `${lead}\n\n${answer}\n\n${coda}`)], { targetLength: 10 }), question);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('does not promote a passage of another article over the lead', async () => {
    const articles = [football('spurs', `${lead}\n\n${coda}`), football('assistant', `Training went ahead on Friday.\n\n${answer}`)];
    expect((await topPassages(articles, question))[0]).toBe('spurs#0');
  });

  it('keeps the lead first when it names someone the question does not', async () => {
    const namingLead = `${lead.slice(0, -1)}, chairman Daniel Levy said.`;
    expect((await topPassages([football('spurs', `${namingLead}\n\n${answer}\n\n${coda}`)], question))[0]).toBe('spurs#0');
  });

  it('keeps the lead first for a question that asks for no name, number or date', async () => {
    expect((await topPassages([football('spurs', `${lead}\n\n${answer}\n\n${coda}`)], 'Why did Jacques Santini resign from Tottenham?'))[0]).toBe('spurs#0');
  });

  it('reads the question word after a leading clause: "When Santini resigned, who replaced him?" asks for a name, not a date', async () => {
    const articles = [
      football('spurs', `Jacques Santini resigned as Tottenham manager and was replaced by his assistant Martin Jol.\n\nThe club confirmed the change on 5 November 2004.`),
    ];
    const asked = 'When Jacques Santini resigned as Tottenham manager, who replaced him?';
    const scores = rerankPassages(buildCorpusIndex(articles, { targetLength: 10 }), asked);
    expect(scores.get('spurs#0')).toBeGreaterThan(scores.get('spurs#1')!);
    expect((await topPassages(articles, asked))[0]).toBe('spurs#0');
  });

  it('does not count a number the question already gives as the answer to how many', async () => {
    const articles = [
      football('games', `Jacques Santini has resigned as Tottenham manager after winning games in 2004.\n\nHe won five games and lost eight, the club said.\n\n${coda}`),
    ];
    const asked = 'How many games did Jacques Santini win at Tottenham in 2004?';
    const scores = rerankPassages(buildCorpusIndex(articles, { targetLength: 10 }), asked);
    expect(scores.get('games#0')).toBeGreaterThan(scores.get('games#1')!);
    expect((await topPassages(articles, asked))[0]).toBe('games#1');
  });
});
