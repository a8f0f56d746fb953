/**
 * Unicode normalisation. Two strengths:
 * - {@link normalizeText} for text that is stored and shown: it must stay faithful, so it only
 *   composes characters (NFC), unifies line ends and removes invisible controls;
 * - {@link normalizeForMatching} for text that is compared: compatibility forms (fullwidth
 *   letters, ligatures) and diacritics are folded so that `Ｚａｒｉｆ`, `Zarif` and `Žarif` meet.
 */

/**
 * Zero-width characters, the byte-order mark, soft hyphen and the bidirectional controls
 * (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF, U+00AD). They are invisible, so a
 * word that contains one looks identical to the word without it, yet would not match it.
 */
const INVISIBLE_CONTROLS = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Combining marks folded away for matching: Latin, Greek and Cyrillic diacritics, Arabic harakat. */
const FOLDABLE_MARKS = /[\u0300-\u036F\u064B-\u065F\u0670]/g;

/**
 * Normalises text that will be stored and quoted: NFC, `\r\n` and `\r` to `\n`,
 * invisible controls removed. Visible characters are never changed, so quotes stay verbatim.
 *
 * @example normalizeText('Za\u200Brif\r\n') // 'Zarif\n'
 */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE_CONTROLS, '').normalize('NFC');
}

/**
 * Normalises text for comparison only (never for display): NFKC, invisible controls removed,
 * diacritics folded. Lengths may change, so offsets into the result do not map back.
 *
 * @example normalizeForMatching('Ｕ.Ｓ. Ośrodek') // 'U.S. Osrodek'
 */
export function normalizeForMatching(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '').normalize('NFKD').replace(FOLDABLE_MARKS, '').normalize('NFKC');
}

/** Control characters other than tab and line breaks, and unpaired UTF-16 surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to remove control characters
const CONTROLS_AND_LONE_SURROGATES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Normalises what a user typed before it is searched or shown back: NFKC (fullwidth `＠` becomes
 * `@`, so it is neutralised like any other mention), invisible and control characters and unpaired
 * surrogates removed, runs of whitespace collapsed, trimmed.
 *
 * @example normalizeUserText(' Ｚａ\u200Brif\u0007 ') // 'Zarif'
 */
export function normalizeUserText(text: string): string {
  return text.replace(CONTROLS_AND_LONE_SURROGATES, '').replace(INVISIBLE_CONTROLS, '').normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
