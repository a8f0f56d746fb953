import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, buildCorpusIndex, findPerson, isQuestionProblem, paginateArticle, parseCorpus, type Article, type CorpusIndex } from '../../src/core/index.js';
import { openCorpus } from '../../src/corpus/openCorpus.js';
import { ask } from '../support/answering.js';
import { customIds, renderAnswer, renderArticleFile, renderMoreResults, renderPerson, renderSourcePage } from '../../src/discord/render.js';
import { fitMessage, type OutgoingMessage } from '../../src/discord/send.js';
import { buttonsOf, expectWithinDiscordLimits } from './discordLimits.js';

const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));
const FREE_BEACON_ID = 'iran-relationship-russia-washington-pressure';
const FREE_BEACON_URL = 'https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/';

function article(index: CorpusIndex, id: string): Article {
  const found = index.articleById.get(id);
  if (!found) throw new Error(`no article "${id}" in the corpus`);
  return found;
}

function corpusFile(name: string, text: string) {
  return { name, bytes: new TextEncoder().encode(text) };
}

function indexOf(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): CorpusIndex {
  const { articles, issues } = parseCorpus(files);
  expect(issues).toEqual([]);
  return buildCorpusIndex(articles);
}

let index: CorpusIndex;

beforeAll(async () => {
  const opened = await openCorpus(CORPUS_DIR);
  expect(opened.issues).toEqual([]);
  index = opened.index;
});

describe('renderAnswer on the bundled corpus', () => {
  it('quotes the sentence that names the new envoy, with the matched words in bold', async () => {
    const [embed] = renderAnswer(await ask(index, 'Who replaced Brian Hook?'), index, false).embeds ?? [];
    expect(embed?.title).toBe('Who replaced Brian Hook?');
    expect(embed?.description).toMatch(
      /^> On Thursday, Washington announced the \*\*replacement\*\* of U\.S\. special representative for Iran \*\*Brian Hook\*\* with .*Elliott Abrams\. \*\*\[1\]\*\*$/,
    );
  });

  it('says the period it preferred in the footer, and keeps it on the "More results" button', async () => {
    const message = renderAnswer(await ask(index, 'What did Lavrov say about Iran?', { period: { after: '2020-01-01', before: '2021-06-01' } }), index, false);
    expect(message.embeds?.[0]?.footer?.text).toMatch(/^Preferring articles from 2020-01-01 to before 2021-06-01 · Corpus /);
    expect(message.buttons?.[0]?.customId).toBe('ask:more:3:2020-01-01:2021-06-01');
  });

  it('cites the Free Beacon article first, as a link to its URL, with publisher and date', async () => {
    const [embed] = renderAnswer(await ask(index, 'Who replaced Brian Hook?'), index, false).embeds ?? [];
    const field = embed?.fields?.[0];
    expect(field?.name).toBe('[1] Iran Strengthens Relationship With Russia Amid New Pressure From Washington');
    expect(field?.value).toContain(
      `[Iran Strengthens Relationship With Russia Amid New Pressure From Washington](<${FREE_BEACON_URL}>) — Washington Free Beacon, 2020-08-07 · \`/source ${FREE_BEACON_ID}\``,
    );
  });

  it('names the rewrite of the Free Beacon article as "also reported by"', async () => {
    const [embed] = renderAnswer(await ask(index, 'Who replaced Brian Hook?'), index, false).embeds ?? [];
    expect(embed?.fields?.[0]?.value).toContain(
      '\nalso reported by [Liberty Conservative News](<https://libertyconservativenews.com/iran-strengthens-ties-with-russia-thanks-to-continued-meddling-from-the-u-s-government/>)\n',
    );
  });

  it('numbers the citations [1], [2], [3] in order of relevance', async () => {
    const [embed] = renderAnswer(await ask(index, 'Who met Lavrov in Moscow?'), index, false).embeds ?? [];
    expect(embed?.fields?.map((field) => field.name.slice(0, 4))).toEqual(['[1] ', '[2] ', '[3] ']);
  });

  it('names the corpus version and its five articles in the footer', async () => {
    const [embed] = renderAnswer(await ask(index, 'Who replaced Brian Hook?'), index, false).embeds ?? [];
    expect(embed?.footer?.text).toBe(`Corpus ${index.version} · 5 articles`);
    expect(index.version).toMatch(/^[0-9a-f]+$/);
  });

  it('offers "More results" from the fourth citation and the full article of the first', async () => {
    const message = renderAnswer(await ask(index, 'Who met Lavrov in Moscow?'), index, false);
    expect(message.buttons).toEqual([
      { customId: 'ask:more:3', label: 'More results', disabled: false },
      { customId: `source:open:${FREE_BEACON_ID}`, label: 'Full article' },
    ]);
  });

  it('disables "More results" when the answer has no further citations', async () => {
    // The rewrite is folded into the Free Beacon citation, so this answer has one citation only.
    const message = renderAnswer(await ask(index, 'Who replaced Brian Hook?'), index, false);
    expect(message.buttons?.[0]).toEqual({ customId: 'ask:more:1', label: 'More results', disabled: true });
    expect(message.buttons?.[1]?.customId).toBe(`source:open:${FREE_BEACON_ID}`);
  });

  it('is ephemeral only when asked', async () => {
    const answer = await ask(index, 'Who replaced Brian Hook?');
    expect(renderAnswer(answer, index, true).ephemeral).toBe(true);
    expect(renderAnswer(answer, index, false).ephemeral).toBe(false);
  });

  it('says plainly that the corpus does not cover an off-topic question', async () => {
    const answer = await ask(index, 'What is the capital of Australia?');
    expect(answer.abstained).toBe(true);
    const [embed] = renderAnswer(answer, index, false).embeds ?? [];
    expect(embed?.description).toContain('The corpus does not cover this question.');
    expect(embed?.description).not.toMatch(/^>/);
  });

  it('gives a metadata answer as the article’s details with the value in bold, not as a quotation', async () => {
    const [embed] = renderAnswer(await ask(index, 'Who published the piece "Russia and Iran Deepening Their Relationship"?'), index, false).embeds ?? [];
    expect(embed?.description).toBe("From the article's details: Published by **VOA Editorials** in 2022-07. **[1]**");
  });

  it('says in the footer that the period came from the question', async () => {
    const [embed] = renderAnswer(await ask(index, 'In 2016, which Russian minister hosted his Iranian and Syrian counterparts in Moscow?'), index, false).embeds ?? [];
    expect(embed?.footer?.text).toMatch(/^Preferring articles from 2016-01-01 to before 2017-01-01, as the question asks · Corpus /);
  });

  it('says in the footer that newer articles came first for "the latest"', async () => {
    const [embed] = renderAnswer(await ask(index, 'What did the latest article say Khamenei claimed Russia was forced to do?'), index, false).embeds ?? [];
    expect(embed?.footer?.text).toMatch(/^Newer articles first · Corpus /);
  });

  it('names the year or name of the question that the nearest article never mentions', async () => {
    const [embed] = renderAnswer(await ask(index, 'What did Lavrov say about Iran in 2031?'), index, false).embeds ?? [];
    expect(embed?.description).toContain('Its nearest article never mentions “2031”.');
  });

  it('escapes Markdown in the question it repeats as the title', async () => {
    const [embed] = renderAnswer(await ask(index, 'Who replaced **Brian Hook**?'), index, false).embeds ?? [];
    expect(embed?.title).toBe('Who replaced \\*\\*Brian Hook\\*\\*?');
  });
});

describe('renderAnswer with the answer recorded', () => {
  const ANSWER_ID = 'q1Zp0sVbT3mK8yLw2xNa4g';

  it('adds 👍 Helpful and 👎 Not helpful buttons that carry the answer id, after the paging buttons', async () => {
    const message = renderAnswer(await ask(index, 'Who met Lavrov in Moscow?'), index, false, ANSWER_ID);
    expect(message.buttons?.slice(2)).toEqual([
      { customId: `ask:vote:${ANSWER_ID}:up`, label: 'Helpful', emoji: '👍' },
      { customId: `ask:vote:${ANSWER_ID}:down`, label: 'Not helpful', emoji: '👎' },
    ]);
    expect(message.buttons?.[0]?.label).toBe('More results');
  });

  it('offers the vote buttons on an answer that declines too', async () => {
    const message = renderAnswer(await ask(index, 'What is the capital of Australia?'), index, false, ANSWER_ID);
    expect(message.buttons?.map((button) => button.label)).toContain('Not helpful');
  });

  it('shows no vote button when the answer was not recorded', async () => {
    const message = renderAnswer(await ask(index, 'Who met Lavrov in Moscow?'), index, false);
    expect(message.buttons?.map((button) => button.label)).toEqual(['More results', 'Full article']);
  });

  it('fits the vote buttons in one row within Discord limits, emoji included', async () => {
    const payload = fitMessage(renderAnswer(await ask(index, 'Who met Lavrov in Moscow?'), index, false, ANSWER_ID));
    expectWithinDiscordLimits(payload, 'answer with votes');
    expect(payload.components).toHaveLength(1);
    const [row] = payload.components.map((component) => component.toJSON());
    expect(row?.components.map((button) => ('emoji' in button ? button.emoji?.name : undefined))).toEqual([undefined, undefined, '👍', '👎']);
  });
});

describe('renderMoreResults', () => {
  it('numbers the next citations from [4] and is seen only by who pressed the button', async () => {
    const answer = await answerQuestion(index, 'Who met Lavrov in Moscow?', { citations: 3, moreCitations: 6 });
    if (isQuestionProblem(answer)) throw new Error(answer.kind);
    const message = renderMoreResults(answer, 3, index, 3);
    expect(message.ephemeral).toBe(true);
    expect(message.embeds?.[0]?.fields?.[0]?.name).toMatch(/^\[4\] /);
    expect(message.embeds?.[0]?.description).toMatch(/^Results 4–/);
  });

  it('says so when there are no more results', async () => {
    const message = renderMoreResults(await ask(index, 'Who replaced Brian Hook?'), 3, index, 3);
    expect(message).toEqual({ content: 'There are no more results for this question.', ephemeral: true });
  });
});

describe('corpus text that contains Markdown', () => {
  const memo = corpusFile(
    'memo.md',
    [
      '---',
      'id: sanctions-guidance-memo',
      'title: "Memo: **urgent** [read](https://evil.example/phish)"',
      'publisher: Test Wire',
      'date: 2020-08-07',
      'url: "https://testwire.example/memo"',
      '---',
      '',
      'The ministry memo was marked **urgent** and __confidential__, and it linked [the sanctions guidance](https://evil.example/phish) for every member of staff.',
      '',
      '# Annex',
      '> The guidance takes effect on Friday ||for all staff||.',
      '',
    ].join('\n'),
  );

  it('is escaped in the quote of an answer', async () => {
    const memoIndex = indexOf([memo]);
    const [embed] = renderAnswer(await ask(memoIndex, 'What did the ministry memo link for staff?'), memoIndex, false).embeds ?? [];
    const description = embed?.description ?? '';
    expect(description).toContain('\\*\\*urgent\\*\\*');
    expect(description).toContain('\\_\\_confidential\\_\\_');
    expect(description).toContain('\\[');
    expect(description).not.toMatch(/(?<!\\)\[[^\]]*\]\(https:\/\/evil/);
  });

  it('is escaped in the citation, and the title cannot inject a link', async () => {
    const memoIndex = indexOf([memo]);
    const [embed] = renderAnswer(await ask(memoIndex, 'What did the ministry memo link for staff?'), memoIndex, false).embeds ?? [];
    const value = embed?.fields?.[0]?.value ?? '';
    expect(value.startsWith('[Memo: \\*\\*urgent\\*\\* (read)(https://evil.example/phish)](<https://testwire.example/memo>)')).toBe(true);
    expect(value).not.toMatch(/(?<!\\)\[[^\]]*\]\(https:\/\/evil/);
  });

  it('is escaped on a /source page, headings and quotes included', () => {
    const memoIndex = indexOf([memo]);
    const memoArticle = article(memoIndex, 'sanctions-guidance-memo');
    const [embed] = renderSourcePage(memoArticle, paginateArticle(memoArticle), 1, memoIndex).embeds ?? [];
    const description = embed?.description ?? '';
    expect(description).toContain('\\*\\*urgent\\*\\*');
    expect(description).toContain('\n\\# Annex\n\\> The guidance takes effect on Friday \\|\\|for all staff\\|\\|.');
    expect(embed?.title).toBe('Memo: \\*\\*urgent\\*\\* \\[read](https://evil.example/phish)');
  });
});

describe('customIds', () => {
  it('stay within 100 characters for the longest article id', () => {
    const longestId = 'russia-iran-deepening-relationship-and-a-new-security-architecture'.slice(0, 64).replace(/-$/, 'x');
    expect(longestId).toHaveLength(64);
    const ids = [
      customIds.moreResults(99_999),
      customIds.openArticle(longestId),
      customIds.sourcePage(longestId, 99_999),
      customIds.sourceFile(longestId),
      customIds.vote('q1Zp0sVbT3mK8yLw2xNa4g', false),
    ];
    for (const id of ids) expect(id.length, id).toBeLessThanOrEqual(100);
  });

  it('carry the command name first, so the router finds the handler', () => {
    expect(customIds.moreResults(3)).toBe('ask:more:3');
    expect(customIds.openArticle(FREE_BEACON_ID)).toBe(`source:open:${FREE_BEACON_ID}`);
    expect(customIds.sourcePage(FREE_BEACON_ID, 2)).toBe(`source:page:${FREE_BEACON_ID}:2`);
    expect(customIds.sourceFile(FREE_BEACON_ID)).toBe(`source:file:${FREE_BEACON_ID}`);
  });
});

describe('renderSourcePage', () => {
  const id = 'russia-iran-deepening-relationship';

  function page(number: number): OutgoingMessage {
    const voa = article(index, id);
    return renderSourcePage(voa, paginateArticle(voa), number, index);
  }

  it('shows the first page of two with Previous disabled and Next enabled', () => {
    const message = page(1);
    expect(paginateArticle(article(index, id))).toHaveLength(2);
    expect(message.embeds?.[0]?.footer?.text).toBe(`Page 1 of 2 · Corpus ${index.version} · 5 articles`);
    expect(message.buttons).toEqual([
      { customId: `source:page:${id}:0`, label: 'Previous', disabled: true },
      { customId: `source:page:${id}:2`, label: 'Next', disabled: false },
      { customId: `source:file:${id}`, label: 'Download .md' },
    ]);
  });

  it('shows the last page with Next disabled and Previous enabled', () => {
    const message = page(2);
    expect(message.embeds?.[0]?.footer?.text).toMatch(/^Page 2 of 2 · /);
    expect(message.buttons?.[0]).toEqual({ customId: `source:page:${id}:1`, label: 'Previous', disabled: false });
    expect(message.buttons?.[1]).toEqual({ customId: `source:page:${id}:3`, label: 'Next', disabled: true });
  });

  it('opens the first page for a page number below 1', () => {
    expect(page(0).embeds?.[0]?.footer?.text).toMatch(/^Page 1 of 2 · /);
    expect(page(-5).embeds?.[0]?.footer?.text).toMatch(/^Page 1 of 2 · /);
  });

  it('opens the last page for a page number past the end', () => {
    expect(page(99).embeds?.[0]?.footer?.text).toMatch(/^Page 2 of 2 · /);
    expect(page(99).embeds?.[0]?.description).toBe(page(2).embeds?.[0]?.description);
  });

  it('heads the page with the source, a link to the original and the article id', () => {
    const description = page(1).embeds?.[0]?.description ?? '';
    expect(description).toMatch(
      /^VOA Editorials, 2022-07\n\[Original article\]\(<https:\/\/editorials\.voa\.gov\/amp\/russia-and-iran-deepening-their-relationship\/6687303\.html>\)\n`russia-iran-deepening-relationship`\n\n/,
    );
    expect(description).toContain('Russian President Vladimir Putin, left, shakes hands with Iranian President Ebrahim Raisi');
  });

  it('names the author when the corpus knows one', () => {
    const alliance = article(index, 'russian-iranian-alliance-that-wasnt');
    const [embed] = renderSourcePage(alliance, paginateArticle(alliance), 1, index).embeds ?? [];
    expect(embed?.description).toMatch(/^By Hamidreza Azizi — Iran Business News \(from Al-Monitor\), 2016\n`russian-iranian-alliance-that-wasnt`/);
  });
});

describe('renderArticleFile', () => {
  it('names the file after the article id', () => {
    expect(renderArticleFile(article(index, FREE_BEACON_ID)).name).toBe(`${FREE_BEACON_ID}.md`);
  });

  it('writes the metadata as front matter, then the whole text', () => {
    const freeBeacon = article(index, FREE_BEACON_ID);
    const file = renderArticleFile(freeBeacon);
    expect(
      file.content.startsWith(
        `---\nid: "${FREE_BEACON_ID}"\ntitle: "Iran Strengthens Relationship With Russia Amid New Pressure From Washington"\npublisher: "Washington Free Beacon"\ndate: "2020-08-07"\nurl: "${FREE_BEACON_URL}"\n---\n\n`,
      ),
    ).toBe(true);
    expect(file.content).toContain(freeBeacon.text);
    expect(file.content.endsWith(`${freeBeacon.text}\n`)).toBe(true);
  });

  it('writes a file the corpus loader reads back as the same article', () => {
    for (const original of index.articles) {
      const file = renderArticleFile(original);
      const { articles, issues } = parseCorpus([corpusFile(file.name, file.content)]);
      expect(issues, original.id).toEqual([]);
      const { source: _source, ...readBack } = articles[0]!;
      const { source: _originalSource, ...expected } = original;
      expect(readBack, original.id).toEqual(expected);
    }
  });
});

describe('renderPerson', () => {
  it('shows Elliott Abrams with his other spelling, his role and the sentences that name him', () => {
    const [embed] = renderPerson(findPerson(index.people, 'Abrams'), index).embeds ?? [];
    expect(embed?.title).toBe('Elliott Abrams');
    expect(embed?.description).toContain('Elliot Abrams');
    expect(embed?.description).toContain('Iran hawk');
    expect(embed?.fields?.[0]?.value).toMatch(/\*\*(Elliott |Elliot )?Abrams\*\*/);
  });

  it('says which form of a fuller name the corpus writes', () => {
    const [embed] = renderPerson(findPerson(index.people, 'Donald Trump'), index).embeds ?? [];
    expect(embed?.description).toContain('The corpus writes the name as “Trump”.');
  });

  it('gives a role written in two cases once, with the sources of both', () => {
    const person = findPerson(index.people, 'Lavrov');
    if (person.kind !== 'found') throw new Error('Lavrov is in the seed corpus');
    const spellings = new Set(person.person.roles.filter((role) => role.role.toLowerCase() === 'russian foreign minister').map((role) => role.role));
    expect(spellings.size).toBeGreaterThan(1);
    const description = renderPerson(person, index).embeds?.[0]?.description ?? '';
    expect(description.match(/^• russian foreign minister — /gim)).toHaveLength(1);
  });

  it('says plainly, to the asker only, that an unknown name is not a person of the corpus', () => {
    const message = renderPerson(findPerson(index.people, 'Nobody Inparticular'), index);
    expect(message.content).toMatch(/^\*\*Nobody Inparticular\*\* is not a person named in the corpus\./);
    expect(message.ephemeral).toBe(true);
  });
});

describe('every rendered message, after fitMessage', () => {
  /** A synthetic corpus at the format's limits: 64-character ids, 300-character titles, 5,000-character paragraphs. */
  function oversizedCorpus(): CorpusIndex {
    const sentences = index.articles.flatMap((source) => source.text.split(/(?<=[.!?”])\s+/)).filter((sentence) => sentence.length > 40);
    const paragraph = (offset: number): string => {
      let text = '';
      for (let i = offset; text.length < 5_000; i += 1) text += `${sentences[i % sentences.length]} **Zarif** 🇮🇷🤝🇷🇺 [x](y) `;
      return text.trim();
    };
    const files = [0, 1, 2, 3].map((n) => {
      const id = `${'russia-iran-relations-sanctions-and-the-security-architecture'}-${n}`.padEnd(64, 'x').slice(0, 64);
      const title = `${n} ${'Iran Strengthens Relationship With Russia 🇮🇷 Amid **New** Pressure From Washington __and__ '.repeat(5)}`.slice(0, 300);
      const body = [paragraph(n * 7), paragraph(n * 7 + 3), paragraph(n * 7 + 5)].join('\n\n');
      const front = [
        '---',
        `id: ${id}`,
        `title: ${JSON.stringify(title)}`,
        `publisher: ${JSON.stringify('Washington Free Beacon '.repeat(8).trim())}`,
        `author: ${JSON.stringify('Hamidreza Azizi '.repeat(10).trim())}`,
        'date: 2020-08-07',
        `url: "https://freebeacon.com/${'national-security/'.repeat(10)}${n}"`,
        '---',
        '',
      ];
      return corpusFile(`${id}.md`, `${front.join('\n')}\n${body}\n`);
    });
    return indexOf(files);
  }

  it('obeys Discord limits for answers, more results, source pages, mentions and files of an oversized corpus', async () => {
    const big = oversizedCorpus();
    expect(big.articles).toHaveLength(4);
    expect(big.articles.every((item) => item.id.length === 64 && item.title.length === 300)).toBe(true);

    const messages: Array<[string, OutgoingMessage]> = [];
    for (const question of [
      'Who replaced Brian Hook?',
      'What did Zarif discuss with Lavrov in Moscow?',
      'What is the capital of Australia?',
      `${'Iran Russia sanctions '.repeat(20)}?`,
    ]) {
      const answer = await answerQuestion(big, question, { citations: 3, moreCitations: 9 });
      if (isQuestionProblem(answer)) continue;
      messages.push([`answer to ${question}`, renderAnswer(answer, big, false)]);
      messages.push([`more results for ${question}`, renderMoreResults(answer, 3, big, 3)]);
    }
    for (const item of big.articles) {
      const pages = paginateArticle(item);
      for (let number = 1; number <= pages.length; number += 1) messages.push([`${item.id} page ${number}`, renderSourcePage(item, pages, number, big)]);
      messages.push([`${item.id} file`, { content: `The whole article: **${item.id}.md**`, files: [renderArticleFile(item)], ephemeral: true }]);
    }
    for (const name of ['Zarif', 'Abrams', 'Lavrov']) messages.push([`profile of ${name}`, renderPerson(findPerson(big.people, name), big)]);

    expect(messages.length).toBeGreaterThan(15);
    expect(messages.some(([, message]) => (message.embeds?.[0]?.fields?.length ?? 0) >= 3)).toBe(true);
    for (const [context, message] of messages) {
      const payload = fitMessage(message);
      expectWithinDiscordLimits(payload, context);
      expect(buttonsOf(payload).length, `${context}: buttons dropped`).toBe(message.buttons?.length ?? 0);
    }
  });
});
