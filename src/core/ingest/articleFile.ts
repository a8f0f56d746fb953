/**
 * An article as a corpus file: the Markdown with YAML front matter that Dossier writes when an
 * article is added, and the file name it gets. The loader reads the file back as the same article.
 */
import { stringify as stringifyYaml } from 'yaml';
import { slugify, withSuffix } from './parseCorpus.js';
import type { ArticleMetadata } from '../types.js';

/** What an article file holds: the metadata (its `id` included) and the text. */
export type ArticleContent = ArticleMetadata & { readonly text: string };

/**
 * The Markdown file of an article: a front matter block with its `id`, `title`, `publisher`,
 * `author`, `date` and `url` (those it has, quoted where YAML needs it), a blank line, and the
 * text with its paragraphs separated by blank lines. Parsing the result with the corpus parser
 * gives the same article back.
 *
 * @example renderArticleMarkdown({ id: 'a', title: 'Talks: day two', text: 'The talks resumed.' })
 * // '---\nid: a\ntitle: "Talks: day two"\n---\n\nThe talks resumed.\n'
 */
export function renderArticleMarkdown(article: ArticleContent): string {
  const fields: Record<string, string> = { id: article.id, title: article.title };
  for (const key of ['publisher', 'author', 'date', 'url'] as const) {
    const value = article[key];
    if (value !== undefined) fields[key] = value;
  }
  // Every value is a string: a title like "2024" or "yes" must stay text, so YAML may quote it.
  const frontMatter = stringifyYaml(fields, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${frontMatter}---\n\n${article.text.trim()}\n`;
}

/**
 * A file name for a new article, from its title (`russia-and-iran-sign-a-deal.md`), that is not
 * taken: `-2`, `-3`… are added until `isTaken` says no. Titles with no letter or digit give
 * `article.md`. The stem is the title's slug, so the file name also gives the article's id.
 *
 * @example articleFileName('Russia and Iran sign a deal', (name) => name === 'russia-and-iran-sign-a-deal.md') // 'russia-and-iran-sign-a-deal-2.md'
 */
export function articleFileName(title: string, isTaken: (fileName: string) => boolean): string {
  const stem = slugify(title) || 'article';
  for (let count = 1; ; count += 1) {
    const name = `${withSuffix(stem, count)}.md`;
    if (!isTaken(name)) return name;
  }
}
