/**
 * The merge across articles: each article's clusters of mentions joined into people when their
 * names agree (see `compatibleNames`), looked up by their surname's keys.
 */
import { compatibleNames, sameNameWord } from './nameMatching.js';
import type { RawMention } from './articlePeople.js';

/** One article's cluster of mentions of one person, with the name it is merged by. */
export interface ClusterRef {
  readonly articleId: string;
  /** Its position among its article's clusters. */
  readonly position: number;
  readonly mentions: readonly RawMention[];
  /** Its fullest name's tokens. */
  readonly tokens: readonly string[];
  /** The keys of its surname (see `nameWordKeys`): clusters sharing none never meet in the merge. */
  readonly keys: readonly string[];
}

/** A person as the merge across articles makes them. */
export interface MergedPerson {
  readonly mentions: RawMention[];
  /** The fullest name of the cluster that started the person, and its surname's keys. */
  readonly tokens: readonly string[];
  readonly keys: readonly string[];
  readonly creator: ClusterRef;
  /** The clusters merged into the person, the creator first (what an index snapshot saves of the merge). */
  readonly clusters: ClusterRef[];
}

/**
 * Merges article clusters that name the same person; a bare surname shared by several people
 * stays apart. People are looked up by their surname's keys, so the cost grows with the corpus,
 * not with its square.
 */
export function mergeAcrossArticles(clusters: readonly ClusterRef[]): MergedPerson[] {
  interface Candidate extends MergedPerson {
    /** Position in `people`: candidates are tried in the order people were found. */
    readonly order: number;
  }
  const people: Candidate[] = [];
  const bySurname = new Map<string, Candidate[]>();
  const candidates = (keys: readonly string[]): Candidate[] => {
    const found = new Set<Candidate>();
    for (const key of keys) for (const person of bySurname.get(key) ?? []) found.add(person);
    return [...found].sort((a, b) => a.order - b.order);
  };
  const add = (cluster: ClusterRef): void => {
    const person: Candidate = { mentions: [...cluster.mentions], tokens: cluster.tokens, keys: cluster.keys, creator: cluster, clusters: [cluster], order: people.length };
    people.push(person);
    for (const key of cluster.keys) {
      const list = bySurname.get(key);
      if (list === undefined) bySurname.set(key, [person]);
      else list.push(person);
    }
  };

  const join = (person: Candidate, cluster: ClusterRef): void => {
    person.mentions.push(...cluster.mentions);
    person.clusters.push(cluster);
  };

  const surnameOnly: ClusterRef[] = [];
  // Longest names first (a stable sort: clusters of equal length stay in corpus order).
  for (const cluster of [...clusters].sort((a, b) => b.tokens.length - a.tokens.length)) {
    const { tokens } = cluster;
    if (tokens.length === 1) {
      surnameOnly.push(cluster);
      continue;
    }
    const match = candidates(cluster.keys).find((person) => compatibleNames(tokens, person.tokens));
    if (match) join(match, cluster);
    else add(cluster);
  }
  for (const cluster of surnameOnly) {
    const { tokens } = cluster;
    const nearby = candidates(cluster.keys);
    const matches = nearby.filter((person) => person.tokens.length > 1 && compatibleNames(tokens, person.tokens));
    if (matches.length === 1) {
      join(matches[0]!, cluster);
      continue;
    }
    const sameSurname = nearby.find((person) => person.tokens.length === 1 && sameNameWord(person.tokens[0]!, tokens[0]!));
    if (sameSurname && matches.length === 0) join(sameSurname, cluster);
    else add(cluster);
  }
  return people.map(({ order: _order, ...person }) => person);
}
