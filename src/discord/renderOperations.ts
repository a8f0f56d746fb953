/**
 * Replies for the people who run the bot: `/status` and `/reload`. Seen only by who asked.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { CorpusChanges, CorpusIssue } from '../core/index.js';
import type { ReloadReport } from '../corpus/liveCorpus.js';
import type { Activity } from '../database/questionStore.js';
import type { BotStatus } from './command.js';
import { escapeText } from './markdown.js';
import type { OutgoingMessage } from './send.js';

const COLOR_STATUS = 0x5865f2;
const COLOR_PROBLEM = 0xd9822b;
/** Issues listed by name in a reply; the log has them all. */
const MAX_LISTED_ISSUES = 5;
/** Article ids listed per kind of change. */
const MAX_LISTED_IDS = 10;

/** What members asked, for `/status`: today (since 00:00 UTC) and the last 7 days; or why it is not shown. */
export type RecordedActivity = { readonly kind: 'counted'; readonly today: Activity; readonly week: Activity } | { readonly kind: 'off' } | { readonly kind: 'unavailable' };

/** `/status`: version, uptime, corpus, last reload and its issues, gateway, and (when given) the questions asked and the votes. */
export function renderStatus(status: BotStatus, now: Date, activity?: RecordedActivity): OutgoingMessage {
  const { index, lastReload, gateway } = status;
  const fields: APIEmbedField[] = [
    { name: 'Version', value: `Dossier ${status.version}`, inline: true },
    { name: 'Uptime', value: formatDuration(now.getTime() - status.startedAt.getTime()), inline: true },
    {
      name: 'Gateway',
      value: [gateway.status, gateway.pingMs === undefined ? undefined : `${Math.round(gateway.pingMs)} ms`, `shard ${gateway.shardIds.join(', ')}`]
        .filter((part) => part !== undefined)
        .join(' · '),
      inline: true,
    },
    {
      name: 'Corpus',
      value: `version \`${index.version}\` · ${count(index.articles.length, 'article')} · ${count(index.passages.length, 'passage')} · ${count(index.people.people.length, 'person', 'people')}${status.watchingCorpus ? ' · watching for changes' : ''}`,
    },
    { name: 'Last reload', value: `${describeReload(lastReload, now)}\n${describeIssues(lastReload.issues)}` },
  ];
  if (activity !== undefined) fields.push({ name: 'Questions', value: describeActivity(activity) });
  const embed: APIEmbed = { title: 'Dossier status', color: lastReload.outcome === 'failed' ? COLOR_PROBLEM : COLOR_STATUS, fields };
  return { embeds: [embed], ephemeral: true };
}

/** `/reload`: what changed, the version now in service, and the corpus's issues. */
export function renderReload(report: ReloadReport): OutgoingMessage {
  const headline =
    report.outcome === 'swapped'
      ? `**Reloaded** in ${formatMs(report.durationMs)}: corpus \`${report.previousVersion}\` → \`${report.version}\`.`
      : report.outcome === 'unchanged'
        ? `**No change**: the articles are those already in service (corpus \`${report.version}\`).`
        : `**Reload failed**: ${escapeText(report.error ?? 'unknown error')}. Still serving corpus \`${report.version}\`.`;
  const lines = [headline, ...describeChanges(report.changes)];
  if (report.keptFiles.length > 0) lines.push(`Previous version kept (the file no longer parses): ${listed(report.keptFiles.map(escapeText), MAX_LISTED_IDS)}`);
  lines.push(describeIssues(report.issues));
  const embed: APIEmbed = { title: 'Corpus reload', description: lines.join('\n'), color: report.outcome === 'failed' || report.issues.length > 0 ? COLOR_PROBLEM : COLOR_STATUS };
  return { embeds: [embed], ephemeral: true };
}

function describeActivity(activity: RecordedActivity): string {
  if (activity.kind === 'off') return 'Not recorded (`RECORD_QUESTIONS=off`).';
  if (activity.kind === 'unavailable') return 'The question database cannot be read just now.';
  const { today, week } = activity;
  const asked = (counts: Activity): string =>
    `${count(counts.questions, 'question')}${counts.questions > 0 ? ` (${Math.round((100 * counts.answered) / counts.questions)}% answered)` : ''}`;
  return [`Today: ${asked(today)} · last 7 days: ${asked(week)}`, `Votes, last 7 days: 👍 ${week.helpful} helpful · 👎 ${week.unhelpful} not helpful`].join('\n');
}

function describeReload(report: ReloadReport, now: Date): string {
  const when = `${formatDuration(now.getTime() - report.finishedAt.getTime())} ago`;
  if (report.trigger === 'startup') return `At start-up, ${when}.`;
  const by = report.trigger === 'command' ? 'by /reload' : 'on a file change';
  const what =
    report.outcome === 'swapped' ? summarizeChanges(report.changes) : report.outcome === 'unchanged' ? 'no change' : `failed: ${escapeText(report.error ?? 'unknown error')}`;
  return `${when}, ${by}: ${what}.`;
}

function describeChanges(changes: CorpusChanges): string[] {
  const lines: string[] = [];
  const kinds: [string, readonly string[]][] = [
    ['Added', changes.added],
    ['Changed', changes.changed],
    ['Removed', changes.removed],
  ];
  for (const [label, ids] of kinds) {
    if (ids.length > 0)
      lines.push(
        `${label} (${ids.length}): ${listed(
          ids.map((id) => `\`${id}\``),
          MAX_LISTED_IDS,
        )}`,
      );
  }
  return lines;
}

function summarizeChanges(changes: CorpusChanges): string {
  return `${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed`;
}

function describeIssues(issues: readonly CorpusIssue[]): string {
  if (issues.length === 0) return 'No corpus issue.';
  const shown = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `• \`${escapeCode(issue.file)}\`: ${escapeText(issue.reason)}`);
  const more = issues.length > MAX_LISTED_ISSUES ? [`…and ${issues.length - MAX_LISTED_ISSUES} more (see the log, or run \`npm run validate:corpus\`).`] : [];
  return [`${count(issues.length, 'corpus issue')} (those files are not served):`, ...shown, ...more].join('\n');
}

function listed(items: readonly string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/** A code span cannot hold a backtick; file names rarely do. */
function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}

function formatMs(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** `3 d 4 h`, `2 h 5 min`, `4 min 10 s`, `12 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1_000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${seconds % 60} s`;
  return `${seconds} s`;
}
