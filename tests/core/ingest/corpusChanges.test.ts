import { describe, expect, it } from 'vitest';
import { compareCorpora, isUnchanged, keepPreviousVersions, parseCorpus, type CorpusFile } from '../../../src/core/index.js';
import { SAMPLE_TEXT, markdownArticle } from '../../support/tempCorpus.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const hook: CorpusFile = {
  name: 'hook.md',
  bytes: encode(markdownArticle({ title: 'Abrams Replaces Hook', publisher: 'Washington Free Beacon', date: '2020-08-07' }, SAMPLE_TEXT.hook)),
};
const visas: CorpusFile = { name: 'visas.txt', bytes: encode(`Russia to Lift Visas for Iranians\n\n${SAMPLE_TEXT.visas}\n`) };
const wire: CorpusFile = {
  name: 'wire.jsonl',
  bytes: encode(
    `${JSON.stringify({ id: 'uavs', title: 'Iran Readies UAVs for Russia', text: SAMPLE_TEXT.uavs })}\n${JSON.stringify({ id: 'oil-deal', title: 'A $40 Billion Deal', text: SAMPLE_TEXT.oilDeal })}\n`,
  ),
};

describe('compareCorpora', () => {
  it('lists articles added, changed and removed by id', () => {
    const before = parseCorpus([hook, visas]).articles;
    const editedHook = {
      name: 'hook.md',
      bytes: encode(markdownArticle({ title: 'Abrams Replaces Hook', publisher: 'Washington Free Beacon', date: '2020-08-08' }, SAMPLE_TEXT.hook)),
    };
    const after = parseCorpus([editedHook, wire]).articles;
    expect(compareCorpora(before, after)).toEqual({ added: ['uavs', 'oil-deal'], changed: ['hook'], removed: ['visas'] });
  });

  it('finds nothing changed when the same files are read again', () => {
    const changes = compareCorpora(parseCorpus([hook, visas, wire]).articles, parseCorpus([hook, visas, wire]).articles);
    expect(isUnchanged(changes)).toBe(true);
  });

  it('counts an edit to the text alone as a change', () => {
    const before = parseCorpus([visas]).articles;
    const after = parseCorpus([{ name: 'visas.txt', bytes: encode(`Russia to Lift Visas for Iranians\n\n${SAMPLE_TEXT.visas} The decision takes effect in 2017.\n`) }]).articles;
    expect(compareCorpora(before, after).changed).toEqual(['visas']);
  });
});

describe('keepPreviousVersions', () => {
  it('keeps the previous version of an article whose file stopped parsing', () => {
    const previous = parseCorpus([hook, visas]).articles;
    const halfSaved = { name: 'hook.md', bytes: encode('---\ntitle: Abrams Replaces Hook\npublisher: Washington Free Beacon\n') };
    const merged = keepPreviousVersions(previous, parseCorpus([halfSaved, visas]));
    expect(merged.keptFiles).toEqual(['hook.md']);
    expect(merged.articles.map((article) => article.id).sort()).toEqual(['hook', 'visas']);
    expect(merged.articles.find((article) => article.id === 'hook')?.text).toContain('Elliott Abrams');
  });

  it('drops the articles of a deleted file', () => {
    const previous = parseCorpus([hook, visas]).articles;
    const merged = keepPreviousVersions(previous, parseCorpus([visas]));
    expect(merged.articles.map((article) => article.id)).toEqual(['visas']);
    expect(merged.keptFiles).toEqual([]);
  });

  it('keeps the previous articles of a JSON Lines file whose line broke, but not those still read', () => {
    const previous = parseCorpus([wire]).articles;
    const broken = {
      name: 'wire.jsonl',
      bytes: encode(`${JSON.stringify({ id: 'uavs', title: 'Iran Readies UAVs for Russia', text: `${SAMPLE_TEXT.uavs} Updated.` })}\n{"id": "oil-deal", "title": \n`),
    };
    const merged = keepPreviousVersions(previous, parseCorpus([broken]));
    expect(merged.keptFiles).toEqual(['wire.jsonl']);
    expect(merged.articles.find((article) => article.id === 'uavs')?.text).toContain('Updated.');
    expect(merged.articles.find((article) => article.id === 'oil-deal')?.text).toBe(SAMPLE_TEXT.oilDeal);
  });

  it('adds nothing for a new file that does not parse', () => {
    const previous = parseCorpus([visas]).articles;
    const merged = keepPreviousVersions(previous, parseCorpus([visas, { name: 'draft.md', bytes: encode('no front matter here') }]));
    expect(merged.articles.map((article) => article.id)).toEqual(['visas']);
    expect(merged.keptFiles).toEqual([]);
  });
});
