/**
 * A person's record from their mentions: the canonical name and its variants, roles, articles
 * and dates; then the directory-wide parts: unique ids and the people named alongside.
 */
import { slugify } from '../ingest/parseCorpus.js';
import type { Person, PersonRole } from './directory.js';
import { nameTokens } from './nameMatching.js';
import type { RawMention } from './articlePeople.js';

/** A merged person's record from their mentions: the fullest, most used form as the name, the other forms, roles per article, articles and dates (id and people named alongside left empty). */
export function toPerson(
  mentions: RawMention[],
  order: ReadonlyMap<string, number>,
  dates: Pick<ReadonlyMap<string, string | undefined>, 'get'>,
): Person & { id: string; coMentioned: Person['coMentioned'] } {
  const sorted = [...mentions].sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || (a.offset ?? -1) - (b.offset ?? -1));
  const names = sorted.filter((mention) => !/^the\s/iu.test(mention.form));
  const counts = new Map<string, number>();
  for (const mention of names) counts.set(mention.form, (counts.get(mention.form) ?? 0) + 1);
  const byPreference = [...counts.keys()].sort(
    (a, b) => nameTokens(b).length - nameTokens(a).length || counts.get(b)! - counts.get(a)! || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const name = byPreference[0] ?? sorted[0]!.form;
  const variants = [name, ...[...new Set(sorted.map((mention) => mention.form))].filter((form) => form !== name)];
  const roles: PersonRole[] = [];
  const rolesSeen = new Set<string>();
  for (const mention of sorted) {
    if (mention.role === undefined) continue;
    const key = `${mention.articleId}\u0000${mention.role.toLowerCase()}`;
    if (rolesSeen.has(key)) continue;
    rolesSeen.add(key);
    const date = dates.get(mention.articleId);
    roles.push({ role: mention.role, articleId: mention.articleId, ...(date === undefined ? {} : { date }) });
  }
  const articleIds = [...new Set(sorted.map((mention) => mention.articleId))];
  const articleDates = articleIds
    .map((id) => dates.get(id))
    .filter((date): date is string => date !== undefined)
    .sort();
  return {
    id: '',
    name,
    variants,
    roles,
    mentions: sorted.map(({ articleId, form, sentence, highlight, offset }) => ({ articleId, form, sentence, highlight, offset })),
    articleIds,
    ...(articleDates.length > 0 ? { firstDate: articleDates[0]!, lastDate: articleDates.at(-1)! } : {}),
    coMentioned: [],
  };
}

/** The base of the id of a person named `name`: its slug (`person` when it has none). */
export function personSlug(name: string): string {
  return slugify(name) || 'person';
}

/** Gives each person an id: the slug of their name, with `-2`, `-3`… after the first who has it (in the order given). */
export function assignIds(people: Array<{ readonly name: string; slug?: string | undefined; id: string }>): void {
  const used = new Set<string>();
  // The suffix each base tries next: those below it are taken (ids are never freed), so many people of one name cost one try each.
  const nextSuffix = new Map<string, number>();
  for (const person of people) {
    const base = (person.slug ??= personSlug(person.name));
    let id = base;
    if (used.has(id)) {
      let suffix = nextSuffix.get(base) ?? 2;
      while (used.has((id = `${base}-${suffix}`))) suffix += 1;
      nextSuffix.set(base, suffix + 1);
    }
    used.add(id);
    person.id = id;
  }
}

const MAX_CO_MENTIONED = 5;

interface CoMentionable {
  readonly id: string;
  readonly name: string;
  readonly articleIds: readonly string[];
  readonly mentionCount: number;
  coMentioned: Person['coMentioned'];
}

/** Sets the people most often named alongside each person (of `only`, when given: the others keep theirs). */
export function addCoMentions(people: CoMentionable[], only?: ReadonlySet<CoMentionable>): void {
  let wanted: Set<string> | undefined;
  if (only !== undefined) {
    wanted = new Set();
    for (const person of only) for (const id of person.articleIds) wanted.add(id);
  }
  const byArticle = new Map<string, CoMentionable[]>();
  for (const person of people) {
    for (const id of person.articleIds) {
      if (wanted !== undefined && !wanted.has(id)) continue;
      const list = byArticle.get(id);
      if (list === undefined) byArticle.set(id, [person]);
      else list.push(person);
    }
  }
  for (const person of only ?? people) {
    const shared = new Map<CoMentionable, number>();
    for (const id of person.articleIds) for (const other of byArticle.get(id) ?? []) if (other !== person) shared.set(other, (shared.get(other) ?? 0) + 1);
    person.coMentioned = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || b[0].mentionCount - a[0].mentionCount || (a[0].name < b[0].name ? -1 : 1))
      .slice(0, MAX_CO_MENTIONED)
      .map(([other, articles]) => ({ personId: other.id, name: other.name, articles }));
  }
}
