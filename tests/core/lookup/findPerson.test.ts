import { beforeAll, describe, expect, it } from 'vitest';
import { findPerson, type CorpusIndex, type PersonLookup } from '../../../src/core/index.js';
import { seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

function found(query: string): Extract<PersonLookup, { kind: 'found' }> {
  const lookup = findPerson(index.people, query);
  if (lookup.kind !== 'found') throw new Error(`"${query}" found no one`);
  return lookup;
}

describe('finding a person after a title or role typed before the name', () => {
  it('finds Putin from "President Putin" and says "President" was read as a title', () => {
    const lookup = found('President Putin');
    expect(lookup.person.name).toBe('Vladimir Putin');
    expect(lookup.title).toBe('President');
  });

  it('sets an abbreviated honorific with its period aside ("Mr. Lavrov")', () => {
    expect(found('Mr. Lavrov').person.name).toBe('Sergei Lavrov');
  });

  it('sets a religious title aside ("Ayatollah Khamenei")', () => {
    expect(found('Ayatollah Khamenei').person.name).toBe('Ali Khamenei');
  });

  it('sets a role of several words aside ("Foreign Minister Zarif")', () => {
    const lookup = found('Foreign Minister Zarif');
    expect(lookup.person.name).toBe('Mohammad Javad Zarif');
    expect(lookup.title).toBe('Foreign Minister');
  });

  it('sets aside a described role with an article and a nationality ("the Russian foreign minister Sergei Lavrov")', () => {
    const lookup = found('the Russian foreign minister Sergei Lavrov');
    expect(lookup.person.name).toBe('Sergei Lavrov');
    expect(lookup.matchedBy).toBe('name');
  });

  it('sets aside a role holding initialisms and connectors ("U.S. ambassador to the U.N. Kelly Craft")', () => {
    expect(found('U.S. ambassador to the U.N. Kelly Craft').person.name).toBe('Kelly Craft');
  });

  it('finds no one when the name after the title is not in the corpus ("President Biden")', () => {
    expect(findPerson(index.people, 'President Biden').kind).toBe('not-found');
  });

  it('keeps the answer to a plain name unchanged, with no title', () => {
    const lookup = found('Sergei Lavrov');
    expect(lookup).toMatchObject({ matchedBy: 'name' });
    expect(lookup.title).toBeUndefined();
  });
});

describe('finding a person from a fuller name than the corpus uses', () => {
  it('finds the person the corpus calls only "Trump" from "Donald Trump", saying the form the corpus uses', () => {
    const lookup = found('Donald Trump');
    expect(lookup.person.name).toBe('Trump');
    expect(lookup).toMatchObject({ matchedBy: 'fuller-name', corpusForm: 'Trump' });
  });

  it('finds "Assad" from "Bashar al-Assad", setting the particle aside', () => {
    expect(found('Bashar al-Assad')).toMatchObject({ matchedBy: 'fuller-name', corpusForm: 'Assad' });
  });

  it('finds Sergei Lavrov from a name with his patronymic in the middle', () => {
    expect(found('Sergei Viktorovich Lavrov')).toMatchObject({ matchedBy: 'fuller-name', corpusForm: 'Sergei Lavrov' });
  });

  it('finds the person after both a title and a fuller name ("President Donald Trump")', () => {
    expect(found('President Donald Trump')).toMatchObject({ matchedBy: 'fuller-name', corpusForm: 'Trump', title: 'President' });
  });

  it('finds no one from a name that only shares a first name with someone ("Sergei Ivanov")', () => {
    expect(findPerson(index.people, 'Sergei Ivanov').kind).toBe('not-found');
  });

  it('finds no one from a surname the corpus knows with a given name that contradicts it ("Sergei Putin")', () => {
    expect(findPerson(index.people, 'Sergei Putin').kind).toBe('not-found');
  });
});
