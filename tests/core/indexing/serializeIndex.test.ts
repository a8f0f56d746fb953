/**
 * The index snapshot, in memory: a restored index answers exactly as the one it was taken of.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_SNAPSHOT_SECTIONS, restoreCorpusIndex, restoreCorpusIndexInSlices, serializeCorpusIndex, type IndexSnapshot } from '../../../src/core/index.js';
import { answers } from '../../support/answers.js';
import { seedIndex } from '../../support/seedCorpus.js';

describe('serializeCorpusIndex and restoreCorpusIndex', () => {
  it('give an index whose answers, people and suggestions are the same JSON as the built one’s', async () => {
    const built = await seedIndex();
    const restored = restoreCorpusIndex(built.articles, serializeCorpusIndex(built));
    expect(await answers(restored)).toEqual(await answers(built));
  });

  it('restore every part retrieval reads: passages, their terms, frequencies, duplicates, people, abbreviations', async () => {
    const built = await seedIndex();
    const restored = restoreCorpusIndex(built.articles, serializeCorpusIndex(built));
    expect(restored.passages).toEqual(built.passages);
    expect([...restored.passageTerms]).toEqual([...built.passageTerms]);
    expect([...restored.documentFrequency].sort()).toEqual([...built.documentFrequency].sort());
    expect(restored.duplicateGroups).toEqual(built.duplicateGroups);
    expect([...restored.duplicateGroupOf.keys()]).toEqual([...built.duplicateGroupOf.keys()]);
    expect(restored.people.people).toEqual(built.people.people);
    expect(restored.people.people.map((person) => person.mentions)).toEqual(built.people.people.map((person) => person.mentions));
    expect([...restored.abbreviations.counts]).toEqual([...built.abbreviations.counts].sort());
    expect(restored.version).toBe(built.version);
    expect(restored.passageSearch.documentCount).toBe(built.passageSearch.documentCount);
    expect(restored.titleSearch.termCount).toBe(built.titleSearch.termCount);
  });

  it('keeps each section JSON text, with MiniSearch’s own serialisation for the two indexes', async () => {
    const snapshot = serializeCorpusIndex(await seedIndex());
    expect(Object.keys(snapshot)).toEqual([...INDEX_SNAPSHOT_SECTIONS]);
    for (const section of INDEX_SNAPSHOT_SECTIONS) expect(() => JSON.parse(snapshot[section])).not.toThrow();
    expect(JSON.parse(snapshot.passageSearch)).toMatchObject({ serializationVersion: 2, fieldIds: { title: 0, names: 1, byline: 2, text: 3 } });
  });

  it('refuses a snapshot taken of other articles', async () => {
    const built = await seedIndex();
    const snapshot = serializeCorpusIndex(built);
    expect(() => restoreCorpusIndex(built.articles.slice(1), snapshot)).toThrow('index snapshot: taken of other articles');
    const renamed = built.articles.map((article, position) => (position === 2 ? { ...article, id: 'another-story' } : article));
    expect(() => restoreCorpusIndex(renamed, snapshot)).toThrow('index snapshot: taken of other articles');
  });

  it('refuses a snapshot with a missing or malformed section, naming it', async () => {
    const built = await seedIndex();
    const snapshot = serializeCorpusIndex(built);
    const { people: _people, ...withoutPeople } = snapshot;
    expect(() => restoreCorpusIndex(built.articles, withoutPeople as unknown as IndexSnapshot)).toThrow('index snapshot: the people section is missing');
    expect(() => restoreCorpusIndex(built.articles, { ...snapshot, terms: snapshot.terms.slice(0, -40) })).toThrow(/^index snapshot: the terms section is not valid JSON/);
    expect(() => restoreCorpusIndex(built.articles, { ...snapshot, passageSearch: '{"serializationVersion":99}' })).toThrow(/^index snapshot: a search index cannot be loaded/);
    expect(() => restoreCorpusIndex(built.articles, { ...snapshot, peopleMerge: '[[0, 1]]' })).toThrow('index snapshot: the peopleMerge section does not fit the people');
  });

  it('saves the merge of people again, unchanged, from an index restored from it', async () => {
    const built = await seedIndex();
    const snapshot = serializeCorpusIndex(built);
    const restored = restoreCorpusIndex(
      built.articles.map((article) => ({ ...article })),
      snapshot,
    );
    expect(JSON.parse(snapshot.peopleMerge)).toHaveLength(built.people.people.length);
    expect(serializeCorpusIndex(restored).peopleMerge).toBe(snapshot.peopleMerge);
  });
});

describe('restoreCorpusIndexInSlices', () => {
  const pauseCounter = () => {
    const counted = { pauses: 0 };
    const pause = (): Promise<void> => {
      counted.pauses += 1;
      return new Promise((resolve) => setImmediate(resolve));
    };
    return { counted, pause };
  };

  it('gives the index the one-go restore gives, letting other work run between its slices', async () => {
    const built = await seedIndex();
    const { counted, pause } = pauseCounter();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    const restored = await restoreCorpusIndexInSlices(built.articles, serializeCorpusIndex(built), pause);
    clearInterval(ticker);
    expect(await answers(restored)).toEqual(await answers(built));
    expect(restored.people.people).toEqual(built.people.people);
    expect(counted.pauses).toBeGreaterThanOrEqual(4);
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses a malformed search index as the one-go restore does', async () => {
    const built = await seedIndex();
    const snapshot = { ...serializeCorpusIndex(built), titleSearch: '{"serializationVersion":99}' };
    await expect(restoreCorpusIndexInSlices(built.articles, snapshot, pauseCounter().pause)).rejects.toThrow(/^index snapshot: a search index cannot be loaded/);
  });
});
