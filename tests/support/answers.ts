/**
 * What an index says, as JSON, to compare two indexes of one corpus (built and restored from a
 * snapshot): answers to questions of every kind, people looked up, and autocomplete.
 */
import { askReply, whoReply } from '../../src/cli/replies.js';
import { suggestArticles, suggestPeople, type CorpusIndex } from '../../src/core/index.js';

/** Questions of every kind: answered, paraphrased, misspelled, about a rewritten story, off-topic, empty. */
const QUESTIONS = [
  'Who replaced Brian Hook?',
  'Which envoy was known as an Iran hawk?',
  "Who reported on Zarif's meeting in Moscow?",
  'What does the US ambassador hope China and Russia will do on the embargo vote?',
  'How many pages is the OSW commentary?',
  'What did the National Security Advisor tell reporters Iran was preparing?',
  'What did Russia promise about visas for Iranians?',
  'Sanctons on Iranian oil',
  'What is the capital of Australia?',
  'the of and',
  '',
] as const;
const NAMES = ['Lavrov', 'Lavrof', 'javad', 'Kamenei', 'Elliott Abrams', 'Hookman', 'Ned Price'] as const;

/** One JSON text per question, name and typed prefix. */
export async function answers(index: CorpusIndex): Promise<string[]> {
  const replies: string[] = [];
  for (const question of QUESTIONS) replies.push((await askReply(index, question, 'json')).output);
  return [
    ...replies,
    ...NAMES.map((name) => whoReply(index, name, 'json').output),
    ...['Ir', 'russia ir', 'deepening'].map((typed) => JSON.stringify(suggestArticles(index, typed).map((article) => article.id))),
    ...['l', 'za', 'ell', 'Lavrof'].map((typed) => JSON.stringify(suggestPeople(index.people, typed).map((person) => person.id))),
  ];
}
