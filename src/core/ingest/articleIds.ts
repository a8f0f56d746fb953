/** Article ids: their form, the id made from a title or a file name, and the suffix of a reused id. */

/** The longest id, in characters. */
export const MAX_ID_LENGTH = 64;
/** Lowercase letters and digits in words joined by single hyphens (`business-001`). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id of a file's article: its path in the corpus without the extension (`business/001.txt` → `business-001`). */
export function slugFromFileName(name: string): string {
  return slugify(name.replace(/\.[^./]*$/, ''));
}

/**
 * Makes a readable id from a title or file name: folded to ASCII, lowercase, hyphenated,
 * cut at a word boundary to fit the id length.
 *
 * @example slugify('The Russian-Iranian Alliance that wasn’t') // 'the-russian-iranian-alliance-that-wasnt'
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug.length === 0 ? word : `${slug}-${word}`;
    if (next.length > MAX_ID_LENGTH) break;
    slug = next;
  }
  return slug;
}

/**
 * An id (or a file name's stem) with the suffix of its `count`-th use: `iran-talks`,
 * `iran-talks-2`, `iran-talks-3`… shortened at a hyphen where needed so that the whole stays
 * within the 64 characters of an id.
 *
 * @example withSuffix('iran-talks', 2) // 'iran-talks-2'
 */
export function withSuffix(stem: string, count: number): string {
  if (count <= 1) return stem;
  const suffix = `-${count}`;
  let base = stem;
  while (base.length + suffix.length > MAX_ID_LENGTH && base.includes('-')) base = base.slice(0, base.lastIndexOf('-'));
  return `${base.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
}
