/**
 * `/gaps`: what members asked that the corpus could not answer, and the answers they voted
 * unhelpful, as a moderator's to-do list, one page at a time. Seen only by who asked.
 */
import type { APIEmbedField } from 'discord.js';
import type { CorpusIndex } from '../core/index.js';
import type { DeclinedGap, UnhelpfulGap } from '../database/questionStore.js';
import type { GapsReport } from '../questionMemory.js';
import { truncate } from './limits.js';
import { escapeText } from './markdown.js';
import type { OutgoingMessage } from './send.js';

/** Wordings shown per page (one embed field each). */
export const GAPS_PER_PAGE = 8;
/** The most characters of a question shown in a field. */
const QUESTION_LENGTH = 300;
/** Cited articles named per unhelpful wording. */
const MAX_CITED = 3;
const COLOR_GAPS = 0xd9822b;

/** `gaps:page:<page>:<days>` (days blank: every record kept). */
export const gapsPageId = (page: number, days: number | undefined): string => `gaps:page:${page}:${days ?? ''}`;

/** One page of the report; `days` is the period asked for (undefined: every record kept). */
export function renderGaps(report: GapsReport, page: number, index: CorpusIndex, days: number | undefined): OutgoingMessage {
  const period = days === undefined ? 'in the records kept' : `in the last ${days} day${days === 1 ? '' : 's'}`;
  const items: APIEmbedField[] = [...report.declined.map((gap) => declinedField(gap, index)), ...report.unhelpful.map((gap) => unhelpfulField(gap, index))];
  if (items.length === 0) return { content: `No question went unanswered and no answer was voted unhelpful ${period}.`, ephemeral: true };
  const pageCount = Math.ceil(items.length / GAPS_PER_PAGE);
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const counts = `${plural(report.declined.length, 'wording')} declined · ${plural(report.unhelpful.length, 'wording')} voted unhelpful`;
  return {
    embeds: [
      {
        title: 'What members asked that the corpus lacks',
        description: `Questions the corpus could not answer and answers voted unhelpful ${period}, grouped by wording, most asked first. Add articles that answer them.`,
        color: COLOR_GAPS,
        fields: items.slice((current - 1) * GAPS_PER_PAGE, current * GAPS_PER_PAGE),
        footer: { text: `Page ${current} of ${pageCount} · ${counts}` },
      },
    ],
    buttons:
      pageCount > 1
        ? [
            { customId: gapsPageId(current - 1, days), label: 'Previous', disabled: current <= 1 },
            { customId: gapsPageId(current + 1, days), label: 'Next', disabled: current >= pageCount },
          ]
        : [],
    ephemeral: true,
  };
}

function declinedField(gap: DeclinedGap, index: CorpusIndex): APIEmbedField {
  const nearest = gap.nearest === null ? 'No article came close.' : `Nearest: ${articleReference(gap.nearest, index)}`;
  return { name: `Declined · asked ${gap.count}× · last ${day(gap.last)}`, value: `${quoted(gap.question)}\n${nearest}` };
}

function unhelpfulField(gap: UnhelpfulGap, index: CorpusIndex): APIEmbedField {
  const cited = gap.articleIds.slice(0, MAX_CITED).map((id) => articleReference(id, index));
  const more = gap.articleIds.length > MAX_CITED ? ` and ${gap.articleIds.length - MAX_CITED} more` : '';
  return {
    name: `Voted unhelpful · 👎 ${gap.unhelpful} · 👍 ${gap.helpful} · asked ${gap.count}× · last ${day(gap.last)}`,
    value: `${quoted(gap.question)}\n${cited.length > 0 ? `Cited: ${cited.join('; ')}${more}` : 'No article cited.'}`,
  };
}

/** An article's title and its `/source` id; an article no longer in the corpus by its id alone. */
function articleReference(articleId: string, index: CorpusIndex): string {
  const article = index.articleById.get(articleId);
  const id = `\`/source ${articleId.replace(/`/g, "'")}\``;
  return article === undefined ? `${id} (no longer in the corpus)` : `${escapeText(truncate(article.title, 120))} · ${id}`;
}

function quoted(question: string): string {
  return `“${escapeText(truncate(question, QUESTION_LENGTH))}”`;
}

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
