import { beforeAll, describe, expect, it } from 'vitest';
import { distinctRoles, type CorpusIndex, type Person } from '../../../src/core/index.js';
import { respectiveRoles } from '../../../src/core/people/personRoles.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

function person(name: string): Person {
  const found = index.people.people.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${name} is not in the directory`);
  return found;
}

const HOSTED =
  'Russian Foreign Minister Sergey Lavrov on Oct. 28 in Moscow hosted his Iranian and Syrian counterparts, Mohammad Javad Zarif and Walid Moallem, respectively, to discuss the latest developments regarding Syria.';

function spanOf(sentence: string, name: string): { start: number; end: number } {
  const start = sentence.indexOf(name);
  return { start, end: start + name.length };
}

describe('roles regardless of case', () => {
  it('makes "Russian foreign minister" and "Russian Foreign Minister" one role with both articles as sources', () => {
    const roles = distinctRoles(person('Sergei Lavrov').roles);
    expect(roles).toHaveLength(1);
    expect(roles[0]!.sources.map((source) => source.articleId)).toEqual([SEED.freeBeacon, SEED.allianceThatWasnt]);
  });

  it('shows a role written once in each case with its capitals, as a title before a name ("Russian Foreign Minister")', () => {
    expect(distinctRoles(person('Sergei Lavrov').roles)[0]!.role).toBe('Russian Foreign Minister');
  });

  it('gives one role written alike in two articles once, with both sources', () => {
    const roles = distinctRoles(person('Elliott Abrams').roles);
    expect(roles).toEqual([
      {
        role: 'Venezuela envoy and Iran hawk',
        sources: [
          { articleId: SEED.freeBeacon, date: '2020-08-07' },
          { articleId: SEED.libertyRewrite, date: '2020-08' },
        ],
      },
    ]);
  });

  it('keeps roles that differ in words apart ("Russian President" and "President")', () => {
    expect(distinctRoles(person('Vladimir Putin').roles).map((role) => role.role)).toEqual(['Russian President', 'President']);
  });
});

describe('a role shared out over a list by "respectively"', () => {
  it('gives each name of the list its own role ("his Iranian and Syrian counterparts, Zarif and Moallem, respectively")', () => {
    const spans = ['Sergey Lavrov', 'Mohammad Javad Zarif', 'Walid Moallem'].map((name) => spanOf(HOSTED, name));
    expect(respectiveRoles(HOSTED, spans)).toEqual(
      new Map([
        [1, 'Iranian counterpart'],
        [2, 'Syrian counterpart'],
      ]),
    );
  });

  it('gives Walid Moallem of the seed corpus the role of Syrian counterpart', () => {
    expect(person('Walid Moallem').roles).toEqual([{ role: 'Syrian counterpart', articleId: SEED.allianceThatWasnt, date: '2016' }]);
  });

  it('gives no role when the roles and the names are not as many', () => {
    const sentence = 'He met his French, German and Dutch counterparts, Anne Martin and Karl Weber, respectively.';
    expect(
      respectiveRoles(
        sentence,
        ['Anne Martin', 'Karl Weber'].map((name) => spanOf(sentence, name)),
      ).size,
    ).toBe(0);
  });

  it('gives no role when the plural before the list is not a role word', () => {
    const sentence = 'They visited the French and German capitals, Paris Nord and Berlin Mitte, respectively.';
    expect(
      respectiveRoles(
        sentence,
        ['Paris Nord', 'Berlin Mitte'].map((name) => spanOf(sentence, name)),
      ).size,
    ).toBe(0);
  });
});
