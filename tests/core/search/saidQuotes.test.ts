import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../../src/core/search/question.js';
import { DEFAULT_STAGES, retrievePassages } from '../../../src/core/search/retrieve.js';
import type { Article } from '../../../src/core/types.js';

// BBC news, sport-043: the lead names Dave Collins, a later paragraph quotes him.
const collins: Article = {
  id: 'collins',
  title: 'Collins named UK Athletics chief',
  source: 'collins.txt',
  text: [
    'UK Athletics has ended its search for a new performance director by appointing psychologist Dave Collins.',
    'Collins, who worked with the British teams at the 2000 and 2004 Olympics, takes over from Max Jones. Six candidates were interviewed for the job.',
    'Collins said: "It\'s a great challenge. Over the next few months I will spend time listening to those who already make a significant contribution to athletics and other elite sports in the UK."',
  ].join('\n\n'),
};
const index = buildCorpusIndex([collins], { targetLength: 10 });
const withoutSaidQuotes = DEFAULT_STAGES.filter((stage) => stage.name !== 'said-quotes');

async function topPassage(question: string, stages = DEFAULT_STAGES): Promise<string | undefined> {
  return (await retrievePassages(index, analyzeQuestion(index, question), { stages }))[0]?.passage.id;
}

describe('the said-quotes stage', () => {
  it('puts first the paragraph quoting the person asked about, not the lead that names them', async () => {
    const question = 'What did Dave Collins say about being appointed UK Athletics performance director?';
    expect(await topPassage(question, withoutSaidQuotes)).toBe('collins#0');
    expect(await topPassage(question)).toBe('collins#2');
  });

  it("leaves the ranking of a question about no one's words as it was", async () => {
    const question = 'Who did Dave Collins take over from at UK Athletics?';
    const ranked = async (stages: typeof DEFAULT_STAGES) => (await retrievePassages(index, analyzeQuestion(index, question), { stages })).map((hit) => [hit.passage.id, hit.score]);
    expect(await ranked(DEFAULT_STAGES)).toEqual(await ranked(withoutSaidQuotes));
  });

  it('answers with a statement reported without quotation marks when it holds the topic and the quotation does not', async () => {
    // The seed corpus, VOA Editorials 2022-07: the reported statement, then his quotation on another point.
    const sullivan: Article = {
      id: 'voa',
      title: 'Russia and Iran Deepening Their Relationship',
      source: 'voa.md',
      text: [
        'The Iranian government is preparing to provide Russia with up to several hundred UAVs, including ones that are weapons-capable to use in Ukraine, National Security Advisor Jake Sullivan told reporters in Washington.',
        '“Russia deepening an alliance with Iran to kill Ukrainians is something that the whole world should look at and see as a profound threat,” he said.',
      ].join('\n\n'),
    };
    const voa = buildCorpusIndex([sullivan], { targetLength: 10 });
    const hits = await retrievePassages(voa, analyzeQuestion(voa, 'What did the National Security Advisor tell reporters Iran was preparing?'), { stages: DEFAULT_STAGES });
    expect(hits[0]?.passage.id).toBe('voa#0');
  });
});
