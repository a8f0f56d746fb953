import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../../src/core/search/question.js';
import { rerankCandidates } from '../../../src/core/search/rerank.js';
import { article, rerankAll, rerankPassages } from '../../support/retrieval.js';

describe('rerankCandidates', () => {
  it('prefers the passage whose one sentence holds the question’s words over one that scatters them', () => {
    const index = buildCorpusIndex([
      article('together', 'The envoy, officials said, had been replaced. Talks in Vienna went on.'),
      article('scattered', 'The envoy, officials said, went to Vienna. Talks had been replaced.'),
    ]);
    const scores = rerankAll(index, 'Which envoy was replaced?');
    expect(scores.get('together')).toBeGreaterThan(scores.get('scattered')!);
  });

  it('prefers the passage that states a number when the question asks how many', () => {
    const index = buildCorpusIndex([
      article('counted', 'Iran is preparing to send several hundred drones to Russia, officials said.'),
      article('uncounted', 'Iran is preparing to send drones to Russia, officials said again.'),
    ]);
    const scores = rerankAll(index, 'How many drones is Iran preparing to send?');
    expect(scores.get('counted')).toBeGreaterThan(scores.get('uncounted')!);
  });

  it('prefers the passage that states a date when the question asks when', () => {
    const index = buildCorpusIndex([
      article('dated', 'The United States withdrew from the nuclear agreement in 2018, the ministry recalled.'),
      article('undated', 'The United States withdrew from the nuclear agreement, the ministry recalled again.'),
    ]);
    const scores = rerankAll(index, 'When did the United States withdraw from the nuclear agreement?');
    expect(scores.get('dated')).toBeGreaterThan(scores.get('undated')!);
  });

  it('prefers the passage where the question’s words stand side by side, in its order', () => {
    const index = buildCorpusIndex([
      article('phrase', 'The Supreme Leader offered his support to the Kremlin during the visit.'),
      article('apart', 'The leader offered his supreme support to the Kremlin during the visit.'),
    ]);
    const scores = rerankAll(index, 'What did the Supreme Leader offer?');
    expect(scores.get('phrase')).toBeGreaterThan(scores.get('apart')!);
  });

  it('credits two of the question’s words side by side in the passage when the question puts a word between them', () => {
    const index = buildCorpusIndex([
      article('phrase', 'Trump left the Iranian deal in 2018, officials said.'),
      article('apart', 'Trump left the deal, an Iranian official said in 2018.'),
    ]);
    const scores = rerankAll(index, 'When did Trump leave the Iranian nuclear deal?');
    expect(scores.get('phrase')).toBeGreaterThan(scores.get('apart')!);
  });

  it('credits a synonym of the question’s word, short of the word itself', () => {
    const index = buildCorpusIndex([
      article('word', 'Russia postponed the talks in Vienna, officials said.'),
      article('synonym', 'Russia deferred the talks in Vienna, officials said.'),
      article('neither', 'Russia attended the talks in Vienna, officials said.'),
    ]);
    const scores = rerankAll(index, 'Why did Russia postpone the talks?');
    expect(scores.get('synonym')).toBeGreaterThan(scores.get('neither')!);
    expect(scores.get('word')).toBeGreaterThan(scores.get('synonym')!);
  });

  it('marks down a passage that lacks the name most candidates share, whatever else it matches', () => {
    const index = buildCorpusIndex([
      article('answer', 'Panthers cornerback Josh Norman was flagged for holding on third down.'),
      article('elsewhere', 'A defender may be called to court for holding assets of a third party down the years.'),
      article('other', 'The Panthers lost the game by fourteen points.'),
    ]);
    const scores = rerankAll(index, 'What Panther defender was called for holding on third down?');
    expect(scores.get('answer')).toBeGreaterThan(scores.get('elsewhere')!);
  });

  it('weighs a name the question gives above its other words', () => {
    const index = buildCorpusIndex([article('named', 'Lavrov discussed the budget on Monday.'), article('unnamed', 'Ministers discussed the pipeline on Monday.')]);
    const scores = rerankAll(index, 'Did Lavrov discuss the pipeline?');
    expect(scores.get('named')).toBeGreaterThan(scores.get('unnamed')!);
  });

  it('weighs the noun naming the kind of answer below the question’s other words', () => {
    const index = buildCorpusIndex([article('answering', 'Tehran hosted the summit in July.'), article('naming', 'The city hosted a festival in July.')]);
    const scores = rerankAll(index, 'Which city hosted the summit?');
    expect(scores.get('answering')).toBeGreaterThan(scores.get('naming')!);
  });

  it('prefers the shorter of two passages that match the question alike', () => {
    const index = buildCorpusIndex([
      article('short', 'Zarif met Lavrov in Moscow.'),
      article('long', 'Zarif met Lavrov in Moscow. The two ministers discussed trade, visas, energy, shipping, banking, grain and the weather at length.'),
    ]);
    const scores = rerankAll(index, 'Where did Zarif meet Lavrov?');
    expect(scores.get('short')).toBeGreaterThan(scores.get('long')!);
  });

  it('counts a near form of a question word that stemming leaves apart (expansion for expanding, eastward for east)', () => {
    const index = buildCorpusIndex([
      article('near', 'The Kremlin worries about the alliance and its plans for further eastward expansion, officials said.'),
      article('unrelated', 'The Kremlin worries about the alliance and its plans for further talks with China, officials said.'),
    ]);
    const scores = rerankAll(index, 'Which alliance worries the Kremlin by expanding east?');
    expect(scores.get('near')).toBeGreaterThan(scores.get('unrelated')!);
    const query = analyzeQuestion(index, 'Which alliance worries the Kremlin by expanding east?');
    const [near] = rerankCandidates(index, query, [{ passage: index.passages[0]!, score: 1 }]);
    expect([...(near?.nearTermsInText ?? [])].sort()).toEqual(['east', 'expand']);
    expect(near?.termsInText).not.toContain('expand');
  });

  it('reads a sentence in the context of its article’s headline: "He was hired…" under "Tesla joins Westinghouse"', () => {
    const index = buildCorpusIndex([
      { id: 'titled', title: 'Tesla joins Westinghouse in Pittsburgh', text: 'He was hired as a consultant for a large monthly fee.', source: 'titled.md' },
      { id: 'untitled', title: 'Engineering news', text: 'He was hired as a consultant for a large monthly fee.', source: 'untitled.md' },
      article('other', 'Tesla later described the months in Pittsburgh as frustrating.'),
    ]);
    const scores = rerankAll(index, 'Why was Tesla hired by Westinghouse?');
    expect(scores.get('titled')).toBeGreaterThan(scores.get('untitled')!);
  });

  it('reads a paragraph in the context of the paragraphs before it in its article: "Mr Khodorkovsky" after a lead naming his associate', () => {
    const lead = 'A close associate of former Yukos boss Mikhail Khodorkovsky has told a Moscow court that fraud charges against him are false.';
    const answer = 'Platon Lebedev has been on trial alongside Mr Khodorkovsky since June.';
    // Each paragraph its own passage; the same answering paragraph after a lead on the case, and after one on something else.
    const index = buildCorpusIndex(
      [
        { id: 'case', title: 'Court news', text: `${lead}\n\n${answer}`, source: 'case.md' },
        { id: 'elsewhere', title: 'Court news', text: `Russian oil output rose in May, the energy ministry said on Tuesday.\n\n${answer}`, source: 'elsewhere.md' },
      ],
      { targetLength: 10 },
    );
    const scores = rerankPassages(index, 'Which close associate of Mikhail Khodorkovsky has been on trial since June?');
    expect(scores.get('case#1')).toBeGreaterThan(scores.get('elsewhere#1')!);
  });

  it('does not credit a paragraph with the words of the paragraphs after it', () => {
    const lead = 'Newcastle striker Craig Bellamy is discussing a loan move, BBC Sport understands.';
    const index = buildCorpusIndex(
      [
        { id: 'rejected', title: 'Football news', text: `${lead}\n\nHe has rejected a permanent move to Birmingham after his row with Graeme Souness.`, source: 'rejected.md' },
        { id: 'weather', title: 'Football news', text: `${lead}\n\nThe match at St James' Park went ahead despite the snow on Saturday.`, source: 'weather.md' },
      ],
      { targetLength: 10 },
    );
    const scores = rerankPassages(index, 'Which permanent move did Craig Bellamy reject after his row with Graeme Souness?');
    expect(scores.get('rejected#0')).toBeCloseTo(scores.get('weather#0')!, 10);
  });

  it('prefers the passage that states a number when the question asks what stake or share', () => {
    const index = buildCorpusIndex([
      article('counted', 'Bob Murray agreed to buy the 4.76% stake in Sunderland from BSkyB.'),
      article('uncounted', 'Bob Murray agreed to buy the stake in Sunderland from BSkyB.'),
    ]);
    const stake = rerankAll(index, 'What stake in Sunderland did Bob Murray agree to buy from BSkyB?');
    expect(stake.get('counted')).toBeGreaterThan(stake.get('uncounted')!);
    const share = rerankAll(index, 'What share of Sunderland did Bob Murray agree to buy from BSkyB?');
    expect(share.get('counted')).toBeGreaterThan(share.get('uncounted')!);
  });

  it('does not let a word common in the corpus outweigh a rare one because few candidates use it', () => {
    // "people" is in most passages of the corpus but in one candidate; "sanctions" is rare in the corpus but in every candidate but one.
    const crowd = Array.from({ length: 20 }, (_, position) => article(`crowd-${position}`, `People gathered in square number ${position} on Friday.`));
    const index = buildCorpusIndex([
      ...crowd,
      article('people', 'Zarif spoke to people in Vienna on Monday.'),
      article('sanctions', 'Zarif spoke about sanctions in Vienna on Monday.'),
      article('geneva', 'Zarif spoke about sanctions in Geneva on Tuesday.'),
      article('doha', 'Zarif spoke about sanctions in Doha on Wednesday.'),
      article('oslo', 'Zarif spoke about sanctions in Oslo on Thursday.'),
    ]);
    const query = analyzeQuestion(index, 'What did Zarif say about sanctions and people?');
    const candidates = index.passages.filter((passage) => !passage.articleId.startsWith('crowd-')).map((passage) => ({ passage, score: 1 }));
    const reranked = rerankCandidates(index, query, candidates);
    const scores = new Map(candidates.map((candidate, position) => [candidate.passage.articleId, reranked[position]!.score]));
    expect(scores.get('sanctions')).toBeGreaterThan(scores.get('people')!);
  });

  it('returns one result per candidate, in the order given, with the question terms each text holds', () => {
    const index = buildCorpusIndex([article('a', 'Zarif meets Lavrov in Moscow.'), article('b', 'Sanctions on Iran were tightened.')]);
    const query = analyzeQuestion(index, 'Did Zarif meet Lavrov about sanctions?');
    const [first, second] = rerankCandidates(
      index,
      query,
      index.passages.map((passage) => ({ passage, score: 2 })),
    );
    expect(first?.termsInText).toEqual(['zarif', 'meet', 'lavrov']);
    expect(second?.termsInText).toEqual(['sanction']);
    expect(rerankCandidates(index, query, [])).toEqual([]);
  });
});
