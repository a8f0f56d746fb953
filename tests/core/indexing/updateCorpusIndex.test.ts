/**
 * An index updated article by article must be the index a fresh build of the same articles gives:
 * same articles, passages, terms, people, near-duplicate groups and version, and the same answer
 * to every question, ties included.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askReply, whoReply } from '../../../src/cli/replies.js';
import { buildCorpusIndex, prepareIndexUpdate, restoreCorpusIndex, serializeCorpusIndex, updateCorpusIndex, type Article, type CorpusIndex } from '../../../src/core/index.js';
import { readCorpus } from '../../../src/storage/corpusFolder.js';
import { answers } from '../../support/answers.js';
import { PROJECT_ROOT, SEED, SEED_CORPUS_DIR } from '../../support/seedCorpus.js';

const BBC_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'data', 'bbc');
const BBC_QUESTIONS = readFileSync(path.join(PROJECT_ROOT, 'bench', 'questions', 'bbc-news-questions.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { q: string }).q);

/** Questions on the articles the updates touch: a copied story (tied scores), a new form of a name, a changed and a removed article. */
const CHANGE_QUESTIONS = [
  'How much will maternity pay rise by?',
  'Who did Sergei Lavrov meet in Moscow?',
  'What did Lavrov say about Syria?',
  'Who replaced Brian Hook?',
  'What did the Tories call the maternity pay plan?',
  'Which envoy was known as an Iran hawk?',
  'Tony Blair',
  'How much less do women in full-time work earn, according to the EOC?',
  'What did the Qualifications and Curriculum Authority tell the government?',
] as const;
const NAMES = ['Lavrov', 'Sergei Lavrov', 'Blair', 'Hewitt', 'Zarif', 'Brown'] as const;

let seed: Article[];
let bbc: Article[];
let scratch: string;

beforeAll(async () => {
  seed = [...(await readCorpus(SEED_CORPUS_DIR)).corpus.articles];
  // A few dozen real BBC articles (Latin-1), copied so that only they are read.
  scratch = await mkdtemp(path.join(tmpdir(), 'dossier-update-'));
  for (const folder of ['politics', 'business']) {
    for (let number = 1; number <= 24; number += 1) {
      const name = `${String(number).padStart(3, '0')}.txt`;
      await cp(path.join(BBC_DIR, folder, name), path.join(scratch, folder, name));
    }
  }
  bbc = [...(await readCorpus(scratch, { encoding: 'latin1' })).corpus.articles];
}, 30_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function byId(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function article(id: string): Article {
  const found = [...seed, ...bbc].find((each) => each.id === id);
  if (found === undefined) throw new Error(`no article ${id}`);
  return found;
}

/** Everything an index holds that a reader can see, as plain values. */
function contents(index: CorpusIndex): unknown {
  const search = index.passageSearch as unknown as { _avgFieldLength: number[]; _documentCount: number };
  const titles = index.titleSearch as unknown as { _avgFieldLength: number[]; _documentCount: number };
  return {
    version: index.version,
    articles: index.articles.map((each) => each.id),
    articleOrder: [...index.articleOrder],
    passages: index.passages,
    passageTerms: index.passages.map((passage) => index.passageTerms.get(passage.id)),
    documentFrequency: [...index.documentFrequency].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    people: index.people.people.map((person) => ({ ...person, mentions: person.mentions })),
    duplicateGroups: index.duplicateGroups,
    abbreviations: [...index.abbreviations.counts].sort(),
    averages: [search._avgFieldLength, search._documentCount, titles._avgFieldLength, titles._documentCount],
    // The term trees in the order prefix and fuzzy search walk them.
    termOrder: [index.passageSearch, index.titleSearch].map((each) => [...(each as unknown as { _index: Map<string, unknown> })._index.keys()]),
  };
}

/** Every answer the index gives: the support set's questions, names and suggestions, the BBC questions and the changes' own. */
async function allAnswers(index: CorpusIndex): Promise<string[]> {
  const replies: string[] = [];
  for (const question of [...BBC_QUESTIONS, ...CHANGE_QUESTIONS]) replies.push((await askReply(index, question, 'json')).output);
  return [...(await answers(index)), ...replies, ...NAMES.map((name) => whoReply(index, name, 'json').output)];
}

/** A story printed twice under two ids: its passages tie with their copies on every question. */
function copyOf(original: Article, id: string): Article {
  return { ...original, id, source: `${id}.txt` };
}

/** A new article that names Lavrov as "Sergei", a form the seed articles do not use: their passages naming him gain it. */
const lavrovArticle: Article = {
  id: 'lavrov-moscow-talks',
  source: 'lavrov-moscow-talks.md',
  title: 'Lavrov Hosts Zarif in Moscow',
  publisher: 'Reuters',
  date: '2016-10-28',
  text: 'Russian Foreign Minister Sergei Lavrov met his Iranian counterpart Mohammad Javad Zarif in Moscow on Friday.\n\nSergei Lavrov said the talks covered Syria and the nuclear deal.',
};

describe('updateCorpusIndex', () => {
  it('gives the index a fresh build gives after articles are added, changed and removed', () => {
    const before = byId([...seed, ...bbc.slice(0, 40)]);
    const changed = {
      ...article('politics-005'),
      text: `${article('politics-005').text}\n\nTony Blair said the plan would be debated by MPs next week. The Institute for Fiscal Studies (IFS) said it was affordable.`,
    };
    const added = [bbc[40]!, bbc[41]!, lavrovArticle, copyOf(article('politics-001'), 'politics-001-reprint')];
    const removed = [SEED.libertyRewrite, 'business-003', 'politics-005'];
    const after = byId([...before.filter((each) => !removed.includes(each.id)), changed, ...added]);

    const updated = updateCorpusIndex(buildCorpusIndex(before), { removed, added: [changed, ...added], articles: after });

    expect(contents(updated)).toEqual(contents(buildCorpusIndex(after)));
  }, 60_000);

  it('answers every question as a fresh build does, ties between a story and its reprint included', async () => {
    const before = byId([...seed, ...bbc.slice(0, 40)]);
    const added = [lavrovArticle, copyOf(article('politics-001'), 'politics-001-reprint'), copyOf(article('business-010'), 'business-010-reprint')];
    const after = byId([...before.filter((each) => each.id !== 'politics-002'), ...added]);

    const updated = updateCorpusIndex(buildCorpusIndex(before), { removed: ['politics-002'], added, articles: after });
    const fresh = buildCorpusIndex(after);

    expect(fresh.duplicateGroups.map((group) => group.articleIds)).toContainEqual(['politics-001', 'politics-001-reprint']);
    expect(await allAnswers(updated)).toEqual(await allAnswers(fresh));
  }, 60_000);

  it('ranks passages with equal scores in corpus order, however many tie for the last places among the candidates', async () => {
    // Forty prints of one story: more than the first stage keeps, all with the same score.
    const prints = Array.from({ length: 40 }, (_, number) => copyOf(article('politics-001'), `wire-${String(number).padStart(2, '0')}`));
    const late = prints[3]!;
    const before = byId([...seed, ...prints.filter((each) => each !== late)]);
    const after = byId([...before, late]);

    const updated = updateCorpusIndex(buildCorpusIndex(before), { removed: [], added: [late], articles: after });

    expect(await allAnswers(updated)).toEqual(await allAnswers(buildCorpusIndex(after)));
  }, 60_000);

  it("gives back the first index's answers and version when an added article is removed again", async () => {
    const first = buildCorpusIndex(byId([...seed, ...bbc.slice(0, 20)]));
    const added = updateCorpusIndex(first, { removed: [], added: [lavrovArticle], articles: byId([...first.articles, lavrovArticle]) });
    const undone = updateCorpusIndex(added, { removed: [lavrovArticle.id], added: [], articles: first.articles });

    expect(undone.version).toBe(first.version);
    expect(await allAnswers(undone)).toEqual(await allAnswers(first));
  }, 60_000);

  it('updates an index restored from its snapshot to the index a fresh build gives', async () => {
    const before = byId([...seed, ...bbc.slice(0, 20)]);
    const snapshot = serializeCorpusIndex(buildCorpusIndex(before));
    // Other article objects, as a restart parses them: nothing read from the first ones is at hand.
    const reparsed = before.map((each) => ({ ...each }));
    const restored = restoreCorpusIndex(reparsed, snapshot);
    const after = byId([...reparsed.filter((each) => each.id !== 'business-002'), lavrovArticle]);

    const updated = updateCorpusIndex(restored, { removed: ['business-002'], added: [lavrovArticle], articles: after });

    expect(contents(updated)).toEqual(contents(buildCorpusIndex(after)));
    expect(await allAnswers(updated)).toEqual(await allAnswers(buildCorpusIndex(after)));
  }, 60_000);

  it('updates a restored index readied for updates, twice, to the index a fresh build gives each time', async () => {
    const before = byId([...seed, ...bbc.slice(0, 20)]);
    const snapshot = serializeCorpusIndex(buildCorpusIndex(before));
    const restored = restoreCorpusIndex(
      before.map((each) => ({ ...each })),
      snapshot,
    );
    prepareIndexUpdate(restored);
    const afterAdd = byId([...restored.articles.filter((each) => each.id !== 'business-002'), lavrovArticle]);
    const added = updateCorpusIndex(restored, { removed: ['business-002'], added: [lavrovArticle], articles: afterAdd });
    const afterRemove = afterAdd.filter((each) => each.id !== SEED.freeBeacon);
    const removed = updateCorpusIndex(added, { removed: [SEED.freeBeacon], added: [], articles: afterRemove });

    expect(contents(added)).toEqual(contents(buildCorpusIndex(afterAdd)));
    expect(contents(removed)).toEqual(contents(buildCorpusIndex(afterRemove)));
    expect(await allAnswers(removed)).toEqual(await allAnswers(buildCorpusIndex(afterRemove)));
  }, 60_000);

  it('updates a restored index whose saved merge of people does not fit (a cluster given to two people) as a fresh build', () => {
    const before = byId([...seed, ...bbc.slice(0, 20)]);
    const snapshot = serializeCorpusIndex(buildCorpusIndex(before));
    const merge = JSON.parse(snapshot.peopleMerge) as number[][];
    merge[1] = [...merge[1]!, ...merge[0]!.slice(0, 2)];
    const restored = restoreCorpusIndex(
      before.map((each) => ({ ...each })),
      { ...snapshot, peopleMerge: JSON.stringify(merge) },
    );
    const after = byId([...restored.articles, lavrovArticle]);

    const updated = updateCorpusIndex(restored, { removed: [], added: [lavrovArticle], articles: after });

    expect(contents(updated)).toEqual(contents(buildCorpusIndex(after)));
  }, 60_000);

  it('leaves the index it was given answering as before', async () => {
    const first = buildCorpusIndex(byId([...seed, ...bbc.slice(0, 20)]));
    const answersBefore = await allAnswers(first);
    updateCorpusIndex(first, {
      removed: [SEED.freeBeacon],
      added: [lavrovArticle],
      articles: byId([...first.articles.filter((each) => each.id !== SEED.freeBeacon), lavrovArticle]),
    });

    expect(await allAnswers(first)).toEqual(answersBefore);
  }, 60_000);

  it('finds the people a fresh build finds through a series of additions and removals (seed 7)', () => {
    // A seeded walk: each step removes and adds a few of the BBC politics and business articles, which share many names.
    let seed32 = 7;
    const random = (): number => (seed32 = (Math.imul(seed32, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const pool = [...bbc];
    let index = buildCorpusIndex(byId([...seed, ...pool.slice(0, 24)]));
    for (let step = 0; step < 5; step += 1) {
      const present = new Set(index.articles.map((each) => each.id));
      const removed = index.articles.filter((each) => each.source.includes('/') && random() < 0.15).map((each) => each.id);
      const added = pool.filter((each) => !present.has(each.id) && random() < 0.15);
      const after = byId([...index.articles.filter((each) => !removed.includes(each.id)), ...added]);
      index = updateCorpusIndex(index, { removed, added, articles: after });
      const fresh = buildCorpusIndex(after);
      expect({ step, ...(contents(index) as object) }).toEqual({ step, ...(contents(fresh) as object) });
    }
  }, 120_000);

  it('refuses a change that does not fit the index, naming what is wrong', () => {
    const index = buildCorpusIndex(seed);
    expect(() => updateCorpusIndex(index, { removed: ['no-such-article'], added: [], articles: seed })).toThrow('corpus index update: no article no-such-article to remove');
    expect(() => updateCorpusIndex(index, { removed: [], added: [article(SEED.freeBeacon)], articles: seed })).toThrow(
      `corpus index update: ${SEED.freeBeacon} is already in the index`,
    );
    expect(() => updateCorpusIndex(index, { removed: [], added: [lavrovArticle], articles: seed })).toThrow(
      "corpus index update: the articles are not the index's less the removed plus the added",
    );
  });

  it('refuses to update an index a second time: its successor is the one to update', () => {
    const index = buildCorpusIndex(seed);
    updateCorpusIndex(index, { removed: [], added: [lavrovArticle], articles: byId([...seed, lavrovArticle]) });
    expect(() => updateCorpusIndex(index, { removed: [SEED.freeBeacon], added: [], articles: seed.filter((each) => each.id !== SEED.freeBeacon) })).toThrow(
      'search index update: this index was updated already; update the index that update gave',
    );
  });
});
