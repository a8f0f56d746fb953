/**
 * The people directory in memory: a mention is six numbers in one array shared by the whole
 * directory (its sentence and name are read back from the article's text when asked for), not an
 * object with its own strings: 24 bytes a mention instead of about 185 (see docs/experiments.md,
 * Speed and memory). A person's `mentions` are decoded each time they are read (a `/who` reply
 * reads them once), and {@link mentionCount} counts them without decoding.
 */
import type { Article } from '../types.js';
import type { Person, PersonMention } from './directory.js';

/**
 * A mention as numbers: the article's index; the sentence as its start in the article's text (when
 * the sentence is that slice) or as text; the sentence's length; the highlight's start and end in
 * the sentence; the offset in the article (-1: none); the form, when it is not the highlighted part
 * of the sentence. (The index snapshot stores mentions in this shape.)
 */
export type PackedMention = readonly [article: number, sentence: number | string, length: number, start: number, end: number, offset: number, form: string | null];

/** A person whose mentions are packed, as {@link packPeople} takes them. */
export type PersonWithPackedMentions = Omit<Person, 'mentions'> & { readonly mentions: readonly PackedMention[] };

const FIELDS = 6;

/** Every mention of a directory: six numbers each (article, sentence start or -1, sentence length, highlight start and end, offset or -1). */
class MentionStore {
  constructor(
    private readonly articles: readonly Article[],
    private readonly numbers: Int32Array,
    /** Mention number → its sentence, when that is not a slice of the article's text (an author's byline). */
    private readonly sentences: ReadonlyMap<number, string>,
    /** Mention number → its form, when that is not the highlighted part of the sentence. */
    private readonly forms: ReadonlyMap<number, string>,
  ) {}

  mention(index: number): PersonMention {
    const at = index * FIELDS;
    const numbers = this.numbers;
    const { id, text } = this.articles[numbers[at]!]!;
    const sentenceStart = numbers[at + 1]!;
    const start = numbers[at + 3]!;
    const end = numbers[at + 4]!;
    const offset = numbers[at + 5]!;
    const sentence = sentenceStart < 0 ? this.sentences.get(index)! : text.slice(sentenceStart, sentenceStart + numbers[at + 2]!);
    return { articleId: id, form: this.forms.get(index) ?? sentence.slice(start, end), sentence, highlight: { start, end }, offset: offset < 0 ? null : offset };
  }

  articlesAre(articles: readonly Article[]): boolean {
    return this.articles === articles;
  }

  /** The mention's article id and offset in the article (null: none), without decoding the rest. */
  visitPlace(index: number, visit: (articleId: string, offset: number | null) => void): void {
    const at = index * FIELDS;
    const offset = this.numbers[at + 5]!;
    visit(this.articles[this.numbers[at]!]!.id, offset < 0 ? null : offset);
  }

  packed(index: number): PackedMention {
    const at = index * FIELDS;
    const numbers = this.numbers;
    const sentenceStart = numbers[at + 1]!;
    return [
      numbers[at]!,
      sentenceStart < 0 ? this.sentences.get(index)! : sentenceStart,
      numbers[at + 2]!,
      numbers[at + 3]!,
      numbers[at + 4]!,
      numbers[at + 5]!,
      this.forms.get(index) ?? null,
    ];
  }
}

/** A person of a packed directory: plain fields, and mentions read from the directory's store. */
class PackedPerson implements Person {
  readonly id: string;
  readonly name: string;
  readonly variants: readonly string[];
  readonly roles: Person['roles'];
  readonly articleIds: readonly string[];
  declare readonly firstDate?: string;
  declare readonly lastDate?: string;
  readonly coMentioned: Person['coMentioned'];
  readonly #store: MentionStore;
  readonly #first: number;
  readonly #count: number;

  constructor(person: Omit<Person, 'mentions'>, store: MentionStore, first: number, count: number) {
    this.id = person.id;
    this.name = person.name;
    this.variants = person.variants;
    this.roles = person.roles;
    this.articleIds = person.articleIds;
    if (person.firstDate !== undefined) (this as { firstDate?: string }).firstDate = person.firstDate;
    if (person.lastDate !== undefined) (this as { lastDate?: string }).lastDate = person.lastDate;
    this.coMentioned = person.coMentioned;
    this.#store = store;
    this.#first = first;
    this.#count = count;
  }

  /** Mentions in corpus order: a new array each time it is read. */
  get mentions(): PersonMention[] {
    const mentions: PersonMention[] = [];
    for (let index = this.#first; index < this.#first + this.#count; index += 1) mentions.push(this.#store.mention(index));
    return mentions;
  }

  get mentionCount(): number {
    return this.#count;
  }

  withIdentity(id: string, coMentioned: Person['coMentioned']): PackedPerson {
    const dates = { ...(this.firstDate === undefined ? {} : { firstDate: this.firstDate }), ...(this.lastDate === undefined ? {} : { lastDate: this.lastDate }) };
    return new PackedPerson(
      { id, name: this.name, variants: this.variants, roles: this.roles, articleIds: this.articleIds, coMentioned, ...dates },
      this.#store,
      this.#first,
      this.#count,
    );
  }

  /** Whether the mentions count their articles in `articles` (else they are numbered in another corpus order). */
  numbersArticlesOf(articles: readonly Article[]): boolean {
    return this.#store.articlesAre(articles);
  }

  visitPlaces(visit: (articleId: string, offset: number | null) => void): void {
    for (let index = this.#first; index < this.#first + this.#count; index += 1) this.#store.visitPlace(index, visit);
  }

  packedMentions(): PackedMention[] {
    const mentions: PackedMention[] = [];
    for (let index = this.#first; index < this.#first + this.#count; index += 1) mentions.push(this.#store.packed(index));
    return mentions;
  }
}

/**
 * A packed person with another id and other people named alongside, sharing its mentions; any
 * other person as it is given, with those fields.
 *
 * @example withIdentity(person, 'tony-blair-2', person.coMentioned)
 */
export function withIdentity(person: Person, id: string, coMentioned: Person['coMentioned']): Person {
  if (person instanceof PackedPerson) return person.withIdentity(id, coMentioned);
  return { ...person, id, coMentioned };
}

/** How many mentions a person has, without decoding them. */
export function mentionCount(person: Person): number {
  return person instanceof PackedPerson ? person.mentionCount : person.mentions.length;
}

/**
 * Calls `visit` with the article id and the offset in its text (null for an author from the front
 * matter) of each of a person's mentions, in order: what placing mentions in passages needs,
 * without decoding sentences and forms.
 *
 * @example visitMentionPlaces(person, (articleId, offset) => places.push([articleId, offset]));
 */
export function visitMentionPlaces(person: Person, visit: (articleId: string, offset: number | null) => void): void {
  if (person instanceof PackedPerson) person.visitPlaces(visit);
  else for (const mention of person.mentions) visit(mention.articleId, mention.offset);
}

/** A person's mentions, packed (for saving). */
export function packedMentions(person: Person, articles: readonly Article[], articleIndex: ReadonlyMap<string, number>): PackedMention[] {
  return person instanceof PackedPerson && person.numbersArticlesOf(articles)
    ? person.packedMentions()
    : person.mentions.map((mention) => packMention(mention, articles, articleIndex));
}

/** A mention as numbers (see {@link PackedMention}). */
export function packMention(mention: PersonMention, articles: readonly Article[], articleIndex: ReadonlyMap<string, number>): PackedMention {
  const { sentence, highlight, offset, form } = mention;
  const article = articleIndex.get(mention.articleId)!;
  const text = articles[article]!.text;
  const sentenceStart = offset === null ? -1 : offset - highlight.start;
  const inText = sentenceStart >= 0 && text.startsWith(sentence, sentenceStart);
  const packedForm = sentence.slice(highlight.start, highlight.end) === form ? null : form;
  return [article, inText ? sentenceStart : sentence, sentence.length, highlight.start, highlight.end, offset ?? -1, packedForm];
}

/**
 * People whose mentions share one store. `articles` are those the mentions' article numbers count.
 *
 * @throws Error when a mention names no article or a range outside its text
 */
export function packPeople(people: readonly PersonWithPackedMentions[], articles: readonly Article[]): Person[] {
  const total = people.reduce((sum, person) => sum + person.mentions.length, 0);
  const numbers = new Int32Array(total * FIELDS);
  const sentences = new Map<number, string>();
  const forms = new Map<number, string>();
  const store = new MentionStore(articles, numbers, sentences, forms);
  let next = 0;
  return people.map(({ mentions, ...person }) => {
    const first = next;
    for (const [article, sentence, length, start, end, offset, form] of mentions) {
      const text = articles[article]?.text;
      if (text === undefined || (typeof sentence === 'number' && (sentence < 0 || sentence + length > text.length))) throw new Error('people: a mention is outside the articles');
      const at = next * FIELDS;
      numbers[at] = article;
      numbers[at + 1] = typeof sentence === 'number' ? sentence : -1;
      numbers[at + 2] = length;
      numbers[at + 3] = start;
      numbers[at + 4] = end;
      numbers[at + 5] = offset;
      if (typeof sentence === 'string') sentences.set(next, sentence);
      if (form !== null) forms.set(next, form);
      next += 1;
    }
    return new PackedPerson(person, store, first, next - first);
  });
}
