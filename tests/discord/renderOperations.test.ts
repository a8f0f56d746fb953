import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/index.js';
import type { ReloadReport } from '../../src/corpus/liveCorpus.js';
import type { BotStatus } from '../../src/discord/command.js';
import { formatDuration, renderReload, renderStatus } from '../../src/discord/renderOperations.js';
import { fitMessage } from '../../src/discord/send.js';
import { seedIndex } from '../support/seedCorpus.js';
import { expectWithinDiscordLimits } from './discordLimits.js';

let index: CorpusIndex;
beforeAll(async () => {
  index = await seedIndex();
});

const now = new Date('2026-11-22T12:00:00Z');

function report(fields: Partial<ReloadReport> = {}): ReloadReport {
  return {
    trigger: 'file-change',
    finishedAt: new Date('2026-11-22T11:58:30Z'),
    outcome: 'swapped',
    previousVersion: '0a1b2c3d4e5f',
    version: index.version,
    changes: { added: ['rasht-astara-railway'], changed: ['iran-ties-russia-us-meddling'], removed: [] },
    keptFiles: [],
    issues: [],
    durationMs: 1_840,
    ...fields,
  };
}

function status(lastReload: ReloadReport): BotStatus {
  return {
    version: '0.1.0',
    startedAt: new Date('2026-11-20T09:30:00Z'),
    index,
    lastReload,
    watchingCorpus: true,
    gateway: { status: 'connected', pingMs: 41.6, shardIds: [0] },
  };
}

function shown(message: ReturnType<typeof renderStatus>): string {
  return (message.embeds ?? []).flatMap((embed) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]).join('\n');
}

describe('renderStatus', () => {
  it('shows the version, uptime, gateway, corpus counts and the last reload, to who asked only', () => {
    const message = renderStatus(status(report()), now);
    expect(message.ephemeral).toBe(true);
    const text = shown(message);
    expect(text).toContain('Dossier 0.1.0');
    expect(text).toContain('2 d 2 h');
    expect(text).toContain('connected · 42 ms · shard 0');
    expect(text).toContain(`version \`${index.version}\` · 5 articles · ${index.passages.length} passages · ${index.people.people.length} people · watching for changes`);
    expect(text).toContain('1 min 30 s ago, on a file change: 1 added, 1 changed, 0 removed.');
    expect(text).toContain('No corpus issue.');
  });

  it('lists the first corpus issues and counts the rest', () => {
    const issues = Array.from(
      { length: 8 },
      (_, n) => ({ file: `drafts/${n}.md`, kind: 'front-matter', reason: 'bad front matter: no closing "---" line' }) as ReloadReport['issues'][number],
    );
    const text = shown(renderStatus(status(report({ issues })), now));
    expect(text).toContain('8 corpus issues');
    expect(text).toContain('`drafts/4.md`: bad front matter: no closing "---" line');
    expect(text).not.toContain('drafts/5.md');
    expect(text).toContain('…and 3 more');
  });

  it('shows the questions today and in the last 7 days, the share answered, and the votes', () => {
    const activity = { kind: 'counted', today: { questions: 8, answered: 6, helpful: 1, unhelpful: 0 }, week: { questions: 41, answered: 30, helpful: 7, unhelpful: 2 } } as const;
    const field = renderStatus(status(report()), now, activity).embeds?.[0]?.fields?.find((f) => f.name === 'Questions');
    expect(field?.value).toBe('Today: 8 questions (75% answered) · last 7 days: 41 questions (73% answered)\nVotes, last 7 days: 👍 7 helpful · 👎 2 not helpful');
  });

  it('shows no share answered when nothing was asked', () => {
    const none = { questions: 0, answered: 0, helpful: 0, unhelpful: 0 };
    const field = renderStatus(status(report()), now, { kind: 'counted', today: none, week: none }).embeds?.[0]?.fields?.find((f) => f.name === 'Questions');
    expect(field?.value).toContain('Today: 0 questions · last 7 days: 0 questions');
  });

  it('says when questions are not recorded', () => {
    expect(shown(renderStatus(status(report()), now, { kind: 'off' }))).toContain('Not recorded (`RECORD_QUESTIONS=off`).');
  });

  it('says when the question database cannot be read, and shows the rest', () => {
    const text = shown(renderStatus(status(report()), now, { kind: 'unavailable' }));
    expect(text).toContain('The question database cannot be read just now.');
    expect(text).toContain('Dossier 0.1.0');
  });
});

describe('renderReload', () => {
  it('names the versions before and after and the articles added and changed', () => {
    const text = shown(renderReload(report({ trigger: 'command' })));
    expect(text).toContain(`corpus \`0a1b2c3d4e5f\` → \`${index.version}\``);
    expect(text).toContain('Added (1): `rasht-astara-railway`');
    expect(text).toContain('Changed (1): `iran-ties-russia-us-meddling`');
  });

  it('says when a file no longer parses and its previous version stays in service', () => {
    const text = shown(renderReload(report({ keptFiles: ['iran-relationship-russia-washington-pressure.md'] })));
    expect(text).toContain('Previous version kept (the file no longer parses): iran-relationship-russia-washington-pressure.md');
  });

  it('says a failed reload keeps the corpus in service', () => {
    const text = shown(renderReload(report({ outcome: 'failed', version: '0a1b2c3d4e5f', error: 'no usable article left: the corpus in service is kept' })));
    expect(text).toContain('**Reload failed**: no usable article left');
    expect(text).toContain('Still serving corpus `0a1b2c3d4e5f`');
  });

  it('stays within Discord limits with thousands of changed articles', () => {
    const many = Array.from({ length: 5_000 }, (_, n) => `bbc-business-${n}`);
    const message = renderReload(report({ changes: { added: many, changed: many, removed: many } }));
    expectWithinDiscordLimits(fitMessage(message), 'reload of 15,000 changes');
    expect(shown(message)).toContain('and 4990 more');
  });
});

describe('formatDuration', () => {
  it('reads as the two largest units', () => {
    expect([formatDuration(12_400), formatDuration(250_000), formatDuration(7_500_000), formatDuration(90_000_000)]).toEqual(['12 s', '4 min 10 s', '2 h 5 min', '1 d 1 h']);
  });
});
