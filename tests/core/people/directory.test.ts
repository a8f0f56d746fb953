import { beforeAll, describe, expect, it } from 'vitest';
import { buildPeopleDirectory, findPerson, suggestPeople, type Article, type CorpusIndex, type PeopleDirectory, type Person } from '../../../src/core/index.js';
import { seedIndex } from '../../support/seedCorpus.js';
import { updatePeopleDirectory } from '../../../src/core/people/directory.js';

let index: CorpusIndex;
let people: PeopleDirectory;

beforeAll(async () => {
  index = await seedIndex();
  people = index.people;
});

function person(name: string): Person {
  const found = people.people.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${name} is not in the directory: ${people.people.map((candidate) => candidate.name).join(', ')}`);
  return found;
}

describe('the people directory of the bundled corpus', () => {
  it('holds every person the five articles name, and their authors', () => {
    const names = people.people.map((candidate) => candidate.name);
    for (const name of [
      'Mohammad Javad Zarif',
      'Sergei Lavrov',
      'Brian Hook',
      'Elliott Abrams',
      'Kelly Craft',
      'Trump',
      'Walid Moallem',
      'Vladimir Putin',
      'Ebrahim Raisi',
      'Jake Sullivan',
      'Ali Khamenei',
      'Ned Price',
      'Robert Malley',
      'Hamidreza Azizi',
      'Witold Rodkiewicz',
      'Assad',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it('holds no organisation, place, outlet or photo credit', () => {
    const forms = people.people.flatMap((candidate) => candidate.variants.map((variant) => variant.toLowerCase()));
    for (const notAPerson of [
      'Al-Monitor',
      'Getty Images',
      'White House',
      'Security Council',
      'Page Count',
      'New York Times',
      'Kremlin',
      'Supreme Leader',
      'Eurasian Economic Union',
      'Shanghai Cooperation Organization',
      'United Nations',
      'State Department',
      'Washington',
      'Tehran',
      'Moscow',
      'NATO',
      'CNN',
      'Iran Business News',
      'Liberty Conservative News',
    ]) {
      expect(forms, notAPerson).not.toContain(notAPerson.toLowerCase());
    }
  });

  it('merges a full name, a shorter form and the bare surname into one person', () => {
    expect(person('Mohammad Javad Zarif').variants).toEqual(expect.arrayContaining(['Mohammad Javad Zarif', 'Javad Zarif', 'Zarif']));
    expect(people.people.filter((candidate) => candidate.variants.includes('Zarif'))).toHaveLength(1);
  });

  it('merges transliterations and spelling variants of one name', () => {
    expect(person('Sergei Lavrov').variants).toContain('Sergey Lavrov');
    expect(person('Elliott Abrams').variants).toEqual(expect.arrayContaining(['Elliot Abrams', 'Abrams']));
  });

  it('counts a role that stands for the person where the article names them with it', () => {
    const khamenei = person('Ali Khamenei');
    expect(khamenei.mentions.map((mention) => mention.form)).toContain('the Supreme Leader');
    expect(khamenei.mentions.length).toBeGreaterThan(1);
  });

  it('gives each person the roles the text puts before their name, with the article and date', () => {
    expect(person('Kelly Craft').roles).toContainEqual({ role: 'U.S. ambassador to the U.N.', articleId: 'iran-relationship-russia-washington-pressure', date: '2020-08-07' });
    expect(person('Jake Sullivan').roles.map((role) => role.role)).toContain('National Security Advisor');
    expect(person('Mohammad Javad Zarif').roles.map((role) => role.role)).toContain('Iranian foreign minister');
  });

  it('does not take another name into a role ("… minister Javad Zarif and Russian foreign minister Sergei Lavrov")', () => {
    expect(person('Sergei Lavrov').roles.every((role) => !role.role.includes('Zarif'))).toBe(true);
  });

  it('makes authors from the front matter people, with the role of author', () => {
    expect(person('Witold Rodkiewicz').roles).toContainEqual({ role: 'author', articleId: 'defying-america-russia-policy-towards-iran', date: '2020-02-12' });
  });

  it('counts mentions and articles, dates the first and last, and lists who is named alongside', () => {
    const zarif = person('Mohammad Javad Zarif');
    expect(zarif.articleIds).toHaveLength(3);
    expect(zarif.firstDate).toBe('2016');
    expect(zarif.lastDate).toBe('2020-08-07');
    expect(zarif.coMentioned[0]).toMatchObject({ articles: 2 });
    expect(zarif.coMentioned.map((other) => other.name)).toContain('Elliott Abrams');
  });

  it('quotes every mention in the sentence it stands in, with the name highlighted', () => {
    for (const candidate of people.people) {
      for (const mention of candidate.mentions.filter((item) => item.offset !== null)) {
        expect(mention.sentence.slice(mention.highlight.start, mention.highlight.end)).toBe(mention.form);
        expect(index.articleById.get(mention.articleId)!.text.slice(mention.offset!, mention.offset! + mention.form.length)).toBe(mention.form);
      }
    }
  });

  it('keeps two people who share a surname apart', () => {
    const directory = buildPeopleDirectory([
      { id: 'a', title: 'Bush visits Texas', source: 'a.md', date: '2004-01-01', text: 'President George Bush visited Texas on Monday, aides said.' },
      { id: 'b', title: 'Library opens', source: 'b.md', date: '2004-02-01', text: 'First lady Laura Bush opened a library in Austin.' },
    ]);
    const bushes = directory.people.filter((candidate) => candidate.name.endsWith('Bush'));
    expect(bushes.map((candidate) => candidate.name).sort()).toEqual(['George Bush', 'Laura Bush']);
  });
});

describe('finding a person', () => {
  it.each([
    ['Zarif', 'Mohammad Javad Zarif'],
    ['javad', 'Mohammad Javad Zarif'],
    ['SERGEY LAVROV', 'Sergei Lavrov'],
    ['Lavrof', 'Sergei Lavrov'],
    ['Kamenei', 'Ali Khamenei'],
    ['Elliot Abrams', 'Elliott Abrams'],
    ['craft', 'Kelly Craft'],
  ])('finds %s as %s', (query, name) => {
    const lookup = findPerson(people, query);
    expect(lookup.kind === 'found' && lookup.person.name).toBe(name);
  });

  it('says an unknown name is not in the corpus and suggests the closest', () => {
    const lookup = findPerson(people, 'Putinova');
    expect(lookup.kind).toBe('not-found');
    expect(lookup.kind === 'not-found' && lookup.suggestions.map((candidate) => candidate.name)).toContain('Vladimir Putin');
  });

  it('does not take a longer, different name for a known surname', () => {
    expect(findPerson(people, 'Hookman').kind).toBe('not-found');
  });

  it('autocompletes people from what has been typed, best match first', () => {
    expect(suggestPeople(people, 'ser')[0]?.name).toBe('Sergei Lavrov');
    expect(suggestPeople(people, '').length).toBe(Math.min(25, people.people.length));
  });
});

describe('questions that name a person by a variant', () => {
  it('find passages that use another spelling', async () => {
    const { answerQuestion, isQuestionProblem } = await import('../../../src/core/index.js');
    const answer = await answerQuestion(index, 'What did Sergey Lavrov do in the Kremlin last month?');
    expect(isQuestionProblem(answer)).toBe(false);
    if (isQuestionProblem(answer)) return;
    expect(answer.citations.map((citation) => citation.passageId)).toContain('iran-relationship-russia-washington-pressure#0');
  });
});

describe('updating the directory of a fresh build', () => {
  it('keeps the packed people an added article does not name, from the first update on', () => {
    const built = buildPeopleDirectory(index.articles);
    const added: Article = {
      id: 'lavrov-visits-tehran',
      source: 'lavrov-visits-tehran.md',
      title: 'Lavrov visits Tehran',
      text: 'Russian Foreign Minister Sergei Lavrov met Iranian officials in Tehran on Monday to discuss the nuclear talks.',
    };
    const { people: updated } = updatePeopleDirectory(built, [...index.articles, added], [], [added]);
    const hookBefore = built.people.find((candidate) => candidate.name === 'Brian Hook');
    expect(hookBefore).toBeDefined();
    expect(updated.people.find((candidate) => candidate.name === 'Brian Hook')).toBe(hookBefore);
  });
});
