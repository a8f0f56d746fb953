/**
 * Measures `/who` on the names people type: every form of every person's name the corpus uses
 * (their variants), and the hand-written forms of `bench/questions/who-names.jsonl` (titles and
 * roles before a name, fuller names than the corpus uses, and names that must find no one), by
 * kind and half (tuning, held-out).
 *
 *   npm run eval:who [-- --corpus corpus --encoding utf-8 --names bench/questions/who-names.jsonl --json --misses]
 *
 * On another corpus, pass `--names ''` to measure its variants alone.
 *
 * A form resolves when `findPerson` finds the person it belongs to (or, for a `person: null` line,
 * finds no one).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findPerson, parseEncodingName } from '../src/core/index.js';
import { openCorpus } from '../src/corpus/openCorpus.js';

/** One hand-written name form: the person it names (by canonical name), or null for no one. */
interface NameForm {
  readonly query: string;
  readonly person: string | null;
  readonly kind: string;
  readonly half: 'tuning' | 'held-out';
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    encoding: { type: 'string', default: 'utf-8' },
    names: { type: 'string', default: 'bench/questions/who-names.jsonl' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
  },
});

const encoding = parseEncodingName(values.encoding);
if (encoding === undefined) throw new Error(`unknown encoding: ${values.encoding}`);
const { index } = await openCorpus(values.corpus, { encoding });
const forms: NameForm[] = index.people.people.flatMap((person) =>
  person.variants.filter((variant) => !/^the\s/iu.test(variant)).map((variant): NameForm => ({ query: variant, person: person.name, kind: 'variant', half: 'tuning' })),
);
if (values.names !== '')
  forms.push(
    ...readFileSync(values.names, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as NameForm),
  );

const groups = new Map<string, { resolved: number; total: number }>();
const misses: string[] = [];
for (const form of forms) {
  const lookup = findPerson(index.people, form.query);
  const got = lookup.kind === 'found' ? lookup.person.name : null;
  const right = got === form.person;
  for (const key of [`${form.kind} ${form.half}`, `all ${form.half}`, 'all']) {
    const group = groups.get(key) ?? { resolved: 0, total: 0 };
    group.total += 1;
    if (right) group.resolved += 1;
    groups.set(key, group);
  }
  if (!right) misses.push(`${form.kind}/${form.half}: "${form.query}" → ${got ?? 'no one'} (expected ${form.person ?? 'no one'})`);
}

const rows = [...groups.entries()].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a < b ? -1 : 1));
if (values.json) {
  console.log(JSON.stringify(Object.fromEntries(rows.map(([key, group]) => [key, { ...group, share: round(group.resolved / group.total) }]))));
} else {
  for (const [key, group] of rows)
    console.log(`${key.padEnd(24)} ${String(group.resolved).padStart(3)}/${String(group.total).padEnd(3)} ${round(group.resolved / group.total).toFixed(3)}`);
  if (values.misses) for (const miss of misses) console.log(`  miss ${miss}`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
