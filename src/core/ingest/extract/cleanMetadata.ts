/**
 * Cleaning what pages declare into Dossier's article fields: names without "By" and job titles,
 * a site name that is not "Home", titles without the site's suffix, dates as `YYYY-MM-DD`,
 * absolute http(s) URLs.
 */
import { collapseWhitespace } from './bodyText.js';

/** Named entities that survive in JSON-LD strings and double-encoded attributes. */
// biome-ignore format: packed word list
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  ndash: '–', mdash: '—', hellip: '…', eacute: 'é', egrave: 'è', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú',
  ntilde: 'ñ', ouml: 'ö', uuml: 'ü', auml: 'ä', ccedil: 'ç', laquo: '«', raquo: '»', middot: '·', copy: '©', reg: '®',
};

/** Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;`, common named ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? whole;
  });
}

/** A declared string made readable: entities decoded (twice, for double-encoded pages), tags dropped, whitespace collapsed. */
export function cleanDeclaredText(text: string): string {
  return collapseWhitespace(decodeEntities(decodeEntities(text)).replace(/<[^>]{0,200}>/g, ' '));
}

/** Letters and digits only, lower case: how names of a site are compared. */
function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Site names that are a page's name ("Home", "Homepage"…) or an edition's ("U.S.", "UK edition"…) instead. */
const NOT_A_SITE_NAME =
  /^(?:home|home ?page|index|start|welcome|untitled|default|news|main|front ?page|(?:u\.?s\.?|u\.?k\.?|us|uk|international|global|world|europe|asia|africa|india|canada|australia)(?: edition)?|edition)$/i;

/**
 * A site name cleaned: "Home" and the like refused, "Home - The Site" → "The Site", a URL or an
 * over-long text refused. Returns undefined when nothing usable remains.
 */
export function cleanPublisher(raw: string): string | undefined {
  const parts = cleanDeclaredText(raw)
    .replace(/^@/, '')
    .split(/\s+[|–—-]\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !NOT_A_SITE_NAME.test(part));
  const name = parts.length === 1 ? parts[0] : undefined;
  if (name === undefined || name.length > 80 || /^https?:\/\//i.test(name)) return undefined;
  return name;
}

/** Separators between a title and its site's name. */
const TITLE_SEPARATOR = /\s+[|–—·•»:-]\s+|\s+-\s*|\s*\|\s*/;

/** Whether a title segment names the site: its publisher's name, or its domain's main label. */
function namesSite(segment: string, publisher: string | undefined, host: string | undefined): boolean {
  const text = comparable(segment);
  if (text === '') return false;
  if (publisher !== undefined) {
    const site = comparable(publisher);
    if (site !== '' && (text === site || (site.length >= 3 && text.includes(site)) || (text.length >= 3 && site.includes(text)))) return true;
  }
  if (host !== undefined) {
    const labels = host.replace(/^www\d?\./, '').split('.');
    const main = comparable(labels[0] ?? '');
    if (main.length >= 2 && (text === main || text === comparable(labels.join('')))) return true;
  }
  return false;
}

/**
 * A title without the site's name before or after it ("Storm hits coast - The Daily" → "Storm
 * hits coast") when that segment names the publisher or the page's domain.
 */
export function cleanTitle(raw: string, publisher?: string, pageUrl?: string): string {
  let title = cleanDeclaredText(raw);
  const host = hostOf(pageUrl);
  for (let round = 0; round < 2; round += 1) {
    const separators = [...title.matchAll(new RegExp(TITLE_SEPARATOR.source, 'g'))];
    const last = separators[separators.length - 1];
    const first = separators[0];
    if (last?.index !== undefined && namesSite(title.slice(last.index + last[0].length), publisher, host)) {
      title = title.slice(0, last.index).trim();
    } else if (first?.index !== undefined && namesSite(title.slice(0, first.index), publisher, host)) {
      title = title.slice(first.index + first[0].length).trim();
    } else {
      break;
    }
  }
  return title;
}

/** Words that make a byline part a role, a desk or a placeholder, not a person's name. */
const NOT_A_NAME =
  /\b(?:staff|writer|reporter|correspondent|editor|editors|editorial|contributor|contributing|columnist|team|desk|newsroom|admin|administrator|guest|anonymous|unknown|updated|published|posted)\b/i;

/** Words before the names in a byline: "By", "Written by"… in a few languages. */
const BYLINE_PREFIX =
  /^(?:(?:(?:written|posted|reported|story|words|text|compiled)\s+by|by|from|por|von|par|di|door|av|af)\s+|(?:author|autor|autora|auteur|text|texto|текст|автор)\s*:\s*)/iu;

/**
 * The names in an author field: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
 * Emails, URLs (article:author is often a profile link), job titles ("Staff Writer"), agency
 * suffixes after `|` and parts naming the publisher are dropped.
 */
export function splitAuthorNames(raw: string, publisher?: string): string[] {
  const text = cleanDeclaredText(raw);
  if (/^(?:https?:\/\/|www\.)/i.test(text) || /^[\w.-]+\.[a-z]{2,}\/\S*$/i.test(text)) return [];
  const mainPart = text.replace(/\S+@\S+\.\S+/g, ' ').split(/\s+[|–—]\s+|\s+-\s+|\s*\|\s*/)[0] ?? '';
  const names: string[] = [];
  for (const piece of mainPart.replace(BYLINE_PREFIX, '').split(/\s*(?:,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b)\s*/i)) {
    const name = piece
      .replace(BYLINE_PREFIX, '')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '')
      .trim();
    const words = name.split(/\s+/);
    if (name.length < 2 || words.length > 5 || /[\d@/]/.test(name) || NOT_A_NAME.test(name)) continue;
    if (!/\p{Lu}/u.test(name)) continue;
    const cased = name === name.toUpperCase() && /\p{L}{2}/u.test(name) ? titleCase(name) : name;
    if (publisher !== undefined && comparable(cased) === comparable(publisher)) continue;
    if (!names.some((known) => comparable(known) === comparable(cased))) names.push(cased);
  }
  return names;
}

/** "TOM KRISHER" → "Tom Krisher" (bylines set in capitals). */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_whole, before: string, letter: string) => before + letter.toUpperCase());
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** `YYYY-MM-DD` (or shorter) when the parts make a real date, else undefined. */
function formatDate(year: number, month?: number, day?: number): string | undefined {
  if (year < 1800 || year > 2200) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return yearMonth;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? `${yearMonth}-${String(day).padStart(2, '0')}` : undefined;
}

/** The month number of an English month name or abbreviation ("Nov.", "November"). */
function monthNumber(name: string): number | undefined {
  return MONTHS[
    name
      .toLowerCase()
      .replace(/\.$/, '')
      .slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)
  ];
}

/**
 * A declared date as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`): ISO dates and datetimes keep the date
 * as written, in the page's own time zone; also `20191119`, `2019/11/19`, `19.11.2019`,
 * "November 19, 2019", "19 Nov 2019", RFC 2822 dates and Unix times (read as UTC).
 */
export function normalizeDate(raw: string): string | undefined {
  const text = collapseWhitespace(raw);
  let match = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:$|[T\s])/.exec(text) ?? /^(\d{4})\/(\d{1,2})(?:\/(\d{1,2}))?(?:$|[T\s])/.exec(text);
  if (match) return formatDate(Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3]));
  if ((match = /^(\d{4})$/.exec(text))) return formatDate(Number(match[1]));
  if ((match = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(text))) return formatDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = /^(\d{10}|\d{13})$/.exec(text))) {
    const milliseconds = Number(match[1]) * (match[1]!.length === 10 ? 1_000 : 1);
    return normalizeDate(new Date(milliseconds).toISOString());
  }
  if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(text))) return formatDate(Number(match[3]), Number(match[2]), Number(match[1]));
  if ((match = /\b([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text))) {
    const month = monthNumber(match[1]!);
    if (month !== undefined) return formatDate(Number(match[3]), month, Number(match[2]));
  }
  if ((match = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})\b/.exec(text))) {
    const month = monthNumber(match[2]!);
    if (month !== undefined) return formatDate(Number(match[3]), month, Number(match[1]));
  }
  return undefined;
}

/** The host of a URL, lower case, or undefined when it does not parse. */
function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A URL resolved against the page's URL, kept only when it is http(s); the fragment dropped. */
export function resolveHttpUrl(raw: string, base?: string): string | undefined {
  try {
    const url = base === undefined ? new URL(cleanDeclaredText(raw)) : new URL(cleanDeclaredText(raw), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}
