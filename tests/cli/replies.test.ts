import { beforeAll, describe, expect, it } from 'vitest';
import { articlesReply, askReply, sourceReply, whoReply } from '../../src/cli/replies.js';
import { emphasize, markdownEmphasis, renderArticleList } from '../../src/cli/renderText.js';
import type { CorpusIndex } from '../../src/core/index.js';
import { SEED, seedIndex } from '../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

const json = (output: string): Record<string, unknown> => JSON.parse(output) as Record<string, unknown>;

describe('askReply as JSON', () => {
  it('prints the answer with its quote, citations and corpus version', async () => {
    const reply = await askReply(index, 'Who replaced Brian Hook?', 'json');
    expect(reply.ok).toBe(true);
    const body = json(reply.output);
    expect(Object.keys(body).sort()).toEqual(['abstained', 'answer', 'citations', 'corpus', 'dates', 'datesFrom', 'preferNewest', 'query', 'truncated', 'unmentioned']);
    expect(body).toMatchObject({
      query: 'Who replaced Brian Hook?',
      abstained: false,
      answer: { citation: 1, text: expect.stringContaining('Elliott Abrams') },
      truncated: false,
      unmentioned: null,
      corpus: { version: index.version, articles: 5 },
    });
  });

  it('gives unknown citation metadata as null rather than leaving it out', async () => {
    const body = json((await askReply(index, 'Who took over from Brian Hook as Iran envoy?', 'json')).output) as { citations: Array<Record<string, unknown>> };
    expect(body.citations[0]).toMatchObject({ articleId: SEED.freeBeacon, author: null, publisher: 'Washington Free Beacon' });
    expect(Object.keys(body.citations[0]!).sort()).toEqual(['alsoReportedBy', 'articleId', 'author', 'date', 'excerpt', 'passageId', 'publisher', 'rank', 'score', 'title', 'url']);
  });

  it('prints `answer: null` with the nearest passages when it abstains', async () => {
    const body = json((await askReply(index, 'Who won the 2018 World Cup?', 'json')).output);
    expect(body).toMatchObject({ abstained: true, answer: null });
  });

  it('prints null dates when no period is given', async () => {
    expect(json((await askReply(index, 'Who replaced Brian Hook?', 'json')).output)).toMatchObject({ dates: { after: null, before: null } });
  });

  it('prints the period it applied as dates, each bound at the start of its period', async () => {
    const reply = await askReply(index, 'What did Lavrov say about Iran?', 'json', undefined, { after: '2020', before: '2021-06' });
    expect(json(reply.output)).toMatchObject({ dates: { after: '2020-01-01', before: '2021-06-01' } });
  });

  it('says the dates came from the options when --after or --before gave them', async () => {
    const reply = await askReply(index, 'What did Lavrov say about Iran?', 'json', undefined, { after: '2020' });
    expect(json(reply.output)).toMatchObject({ dates: { after: '2020-01-01', before: null }, datesFrom: 'options' });
  });

  it('prints the period the question states as dates, saying they came from the question', async () => {
    const body = json((await askReply(index, 'In 2016, which Russian minister hosted his Iranian and Syrian counterparts in Moscow?', 'json')).output);
    expect(body).toMatchObject({ dates: { after: '2016-01-01', before: '2017-01-01' }, datesFrom: 'question', preferNewest: false });
  });

  it('prints null datesFrom when no period applied', async () => {
    expect(json((await askReply(index, 'Who replaced Brian Hook?', 'json')).output)).toMatchObject({ datesFrom: null, preferNewest: false });
  });

  it('prints preferNewest when the question asks for the latest', async () => {
    const body = json((await askReply(index, 'What did the latest article say Khamenei claimed Russia was forced to do?', 'json')).output);
    expect(body).toMatchObject({ preferNewest: true });
  });

  it('marks a quote from the article’s metadata with `from` and the field asked for', async () => {
    const body = json((await askReply(index, 'Who published the piece "Russia and Iran Deepening Their Relationship"?', 'json')).output);
    expect(body).toMatchObject({
      answer: { text: 'Published by VOA Editorials in 2022-07.', citation: 1, from: 'metadata', metadata: { field: 'publisher', value: 'VOA Editorials' } },
    });
  });

  it('marks a quote from the text with `from: text` and null metadata', async () => {
    const body = json((await askReply(index, 'Who replaced Brian Hook?', 'json')).output);
    expect(body).toMatchObject({ answer: { from: 'text', metadata: null } });
  });

  it('answers a bad date with one message and no answer', async () => {
    const reply = await askReply(index, 'What did Lavrov say about Iran?', 'json', undefined, { before: 'June' });
    expect(reply.ok).toBe(false);
    expect(json(reply.output)).toEqual({ query: 'What did Lavrov say about Iran?', error: 'before: expected a year, YYYY-MM or YYYY-MM-DD, got "June"' });
  });

  it('prints the year the nearest article never mentions as `unmentioned`', async () => {
    const body = json((await askReply(index, 'What did Lavrov say about Iran in 2031?', 'json')).output);
    expect(body).toMatchObject({ abstained: true, answer: null, unmentioned: '2031' });
  });

  it('prints an error object, and is not ok, for an empty question', async () => {
    const reply = await askReply(index, '   ', 'json');
    expect(reply.ok).toBe(false);
    expect(json(reply.output)).toEqual({ query: '   ', error: 'empty question' });
  });

  it('prints an error object for a question of stop words', async () => {
    expect(json((await askReply(index, 'what is it', 'json')).output)).toEqual({ query: 'what is it', error: 'the question has no searchable words' });
  });
});

describe('sourceReply and articlesReply as JSON', () => {
  it('prints the article found, how it was found, its text and its pages', () => {
    const reply = sourceReply(index, 'deepening relationship', 'json');
    expect(reply.ok).toBe(true);
    const body = json(reply.output) as { article: Record<string, unknown>; text: string; pages: string[]; matchedBy: string };
    expect(body.matchedBy).toBe('title-words');
    expect(body.article).toEqual({
      id: SEED.voaDeepening,
      title: 'Russia and Iran Deepening Their Relationship',
      publisher: 'VOA Editorials',
      author: null,
      date: '2022-07',
      url: 'https://editorials.voa.gov/amp/russia-and-iran-deepening-their-relationship/6687303.html',
    });
    expect(body.text).toBe(index.articleById.get(SEED.voaDeepening)!.text);
    expect(body.pages.length).toBeGreaterThan(1);
  });

  it('prints suggestions, and is not ok, for an unknown article', () => {
    const reply = sourceReply(index, 'Brexit negotiations', 'json');
    expect(reply.ok).toBe(false);
    expect(json(reply.output)).toEqual({ query: 'Brexit negotiations', error: 'unknown article', suggestions: [] });
  });

  it('lists the articles with their metadata and the corpus version', () => {
    const body = json(articlesReply(index, 'json').output) as { corpus: unknown; articles: Array<{ id: string; date: string | null }> };
    expect(body.corpus).toEqual({ version: index.version, articles: 5 });
    expect(body.articles.map((article) => [article.id, article.date])).toEqual([
      [SEED.defyingAmerica, '2020-02-12'],
      [SEED.freeBeacon, '2020-08-07'],
      [SEED.libertyRewrite, '2020-08'],
      [SEED.voaDeepening, '2022-07'],
      [SEED.allianceThatWasnt, '2016'],
    ]);
  });
});

describe('whoReply as JSON', () => {
  it('finds Kelly Craft with her role at the U.N. and the sentences that name her', () => {
    const body = json(whoReply(index, 'Kelly Craft', 'json').output) as {
      found: boolean;
      person: {
        name: string;
        variants: string[];
        roles: Array<{ role: string; articleId: string; date: string | null }>;
        articleCount: number;
        mentions: Array<{ sentence: string }>;
      };
    };
    expect(body.found).toBe(true);
    expect(body.person.name).toBe('Kelly Craft');
    expect(body.person.variants).toContain('Craft');
    expect(body.person.roles[0]).toMatchObject({ role: 'U.S. ambassador to the U.N.' });
    expect(body.person.articleCount).toBe(2);
    expect(body.person.mentions[0]?.sentence).toContain('U.S. ambassador to the U.N. Kelly Craft');
  });

  it('sets a title typed before the name aside and names it, with corpusForm null', () => {
    const body = json(whoReply(index, 'Foreign Minister Zarif', 'json').output) as { found: boolean; title: string | null; corpusForm: string | null; person: { name: string } };
    expect(body).toMatchObject({ found: true, title: 'Foreign Minister', corpusForm: null, person: { name: 'Mohammad Javad Zarif' } });
  });

  it('finds a fuller name than the corpus uses and gives the form the corpus writes', () => {
    const body = json(whoReply(index, 'Donald Trump', 'json').output) as { matchedBy: string; title: string | null; corpusForm: string | null; person: { name: string } };
    expect(body).toMatchObject({ matchedBy: 'fuller-name', title: null, corpusForm: 'Trump', person: { name: 'Trump' } });
  });

  it('answers an unknown name with found: false and the closest names', () => {
    const body = json(whoReply(index, 'Putinova', 'json').output) as { found: boolean; suggestions: Array<{ name: string }> };
    expect(body.found).toBe(false);
    expect(body.suggestions.map((person) => person.name)).toContain('Vladimir Putin');
  });
});

describe('whoReply as text', () => {
  it('says which form of a fuller name the corpus writes', () => {
    expect(whoReply(index, 'Donald Trump', 'text').output).toContain('The corpus writes the name as "Trump".');
  });
});

describe('text rendering', () => {
  it('wraps each highlighted range with the emphasis', () => {
    expect(
      emphasize(
        'Iran hawk Elliott Abrams',
        [
          { start: 0, end: 9 },
          { start: 18, end: 24 },
        ],
        markdownEmphasis,
      ),
    ).toBe('**Iran hawk** Elliott **Abrams**');
  });

  it('lists articles with their publisher and date', () => {
    expect(renderArticleList(index.articles.filter((article) => article.id === SEED.allianceThatWasnt))).toBe(
      `${SEED.allianceThatWasnt}\n    The Russian-Iranian Alliance that wasn’t — Iran Business News (from Al-Monitor), 2016`,
    );
  });

  it('says when the corpus has no articles', () => {
    expect(renderArticleList([])).toBe('The corpus has no articles.');
  });

  it('introduces a metadata answer as the article’s details, not as a quotation', async () => {
    const reply = await askReply(index, 'Who published the piece "Russia and Iran Deepening Their Relationship"?', 'text');
    expect(reply.output.split('\n')[0]).toBe("From the article's details: Published by **VOA Editorials** in 2022-07. [1]");
  });

  it('says which period it preferred when the question states one', async () => {
    const reply = await askReply(index, 'In 2016, which Russian minister hosted his Iranian and Syrian counterparts in Moscow?', 'text');
    expect(reply.output).toContain('(Preferring articles from 2016-01-01 to before 2017-01-01, as the question asks.)');
  });
});
