import { describe, expect, it } from 'vitest';
import { findAttributedQuotes, findReportedStatements } from '../../../src/core/text/attribution.js';

/** Each quotation's words and who says it. */
function quotesOf(text: string, before?: string): Array<[string, string | null]> {
  return findAttributedQuotes(text, before === undefined ? {} : { before }).map(({ quote, speaker }) => [text.slice(quote.start, quote.end), speaker]);
}

// Sentences from the BBC news corpus (business-089, sport-043, politics-179, entertainment-372, politics-062, politics-365, politics-414).
describe('findAttributedQuotes', () => {
  it('attributes a quotation followed by "he said" to the person named in the sentence before', () => {
    const text =
      'Nicolas Sarkozy of France said he and his colleagues were unanimous in their worry that the decline of the dollar would hit Europe\'s economies by eating into their exports. "We are concerned about these developments, which are destabilising, and which are linked to the accumulation of deficits by our American friends," he said.';
    expect(quotesOf(text)).toEqual([
      ['We are concerned about these developments, which are destabilising, and which are linked to the accumulation of deficits by our American friends,', 'Nicolas Sarkozy'],
    ]);
  });

  it('resolves "he" to a person named in the paragraph before when the passage names no one', () => {
    const before = 'But that was not enough for Mr Sarkozy.';
    const text = '"If the Americans were to change their policy, it\'s up to them to say so," he said.';
    expect(quotesOf(text, before)[0]?.[1]).toBe('Mr Sarkozy');
  });

  it('attributes a quotation introduced by "X said:" to X', () => {
    const text = 'Collins said: "It\'s a great challenge. Over the next few months I will spend time listening to those who already make a significant contribution to athletics."';
    expect(quotesOf(text)[0]?.[1]).toBe('Collins');
  });

  it('reads the speaker after the verb in "said UKA chief executive David Moorcroft"', () => {
    const text = '"We\'ve searched long and hard to ensure we have found the right person," said UKA chief executive David Moorcroft.';
    expect(quotesOf(text)[0]?.[1]).toBe('UKA chief executive David Moorcroft');
  });

  it('gives a quotation that runs on after a closing attribution the same speaker', () => {
    const text =
      '"We\'ve searched long and hard to ensure we have found the right person," said UKA chief executive David Moorcroft. "We have thoroughly tested the candidates. I believe David will make a great leader and I have great faith in what he will achieve." Collins said: "It\'s a great challenge."';
    expect(quotesOf(text).map(([, speaker]) => speaker)).toEqual(['UKA chief executive David Moorcroft', 'UKA chief executive David Moorcroft', 'Collins']);
  });

  it('attributes "described the ban as" to the farmer the pronoun stands for', () => {
    const text =
      'Farmer Geoff Brooks, a senior member of the Quorn hunt, told BBC News people\'s lives "revolved around hunting". He described the ban as "ridiculous" and "badly thought out" but said it would be hard for most people to defy it.';
    expect(quotesOf(text)).toEqual([
      ['revolved around hunting', 'Farmer Geoff Brooks, a senior member of the Quorn hunt'],
      ['ridiculous', 'Farmer Geoff Brooks'],
      ['badly thought out', 'Farmer Geoff Brooks'],
    ]);
  });

  it('says which verb attributes a quotation', () => {
    const text = 'He thanked Eastwood and described the film as "a labour of love".';
    expect(
      findAttributedQuotes(text, { before: 'Morgan Freeman beat actors including Clive Owen, Jamie Foxx and Alan Alda to the prize for best supporting actor.' })[0],
    ).toMatchObject({
      speaker: 'Morgan Freeman',
      verb: 'described',
    });
  });

  it('takes the subject of a sentence, not a name further on, for the person "he" stands for', () => {
    const text =
      'But Professor Curtice said the Muslim anti-war vote could be split between the Liberal Democrats and Respect, meaning neither would benefit much at the ballot box. "Ironically the Tories might be the beneficiaries if Labour does lose seats, which is generally the case," he said.';
    expect(quotesOf(text)[0]?.[1]).toBe('Professor Curtice');
  });

  it('does not attribute a quotation to the speaker of the clause that follows it after "but"', () => {
    const text = 'The Commons education select committee called this "morally indefensible" but the government said the e-University project had "improved understanding".';
    expect(quotesOf(text)).toEqual([
      ['morally indefensible', 'The Commons education select committee'],
      ['improved understanding', 'the government'],
    ]);
  });

  it('reads the speaker of a passive "described by … as"', () => {
    const text = 'Mr Brown also announced plans to merge 35 agencies into nine - described by one civil service union as a "bonfire of the quangos".';
    expect(quotesOf(text)[0]?.[1]).toBe('one civil service union');
  });

  it('takes the last clause of a long subject for the speaker', () => {
    const text = 'His comments come as the co-chairman of the Conservative Party, Liam Fox, on Saturday called him "a disappointment of historic proportions" as a prime minister.';
    expect(quotesOf(text)[0]?.[1]).toBe('the co-chairman of the Conservative Party, Liam Fox, on Saturday');
  });

  it('reads curly quotation marks', () => {
    const text = 'Collins said: “It’s a great challenge.”';
    expect(quotesOf(text)).toEqual([['It’s a great challenge.', 'Collins']]);
  });

  it('finds no quotation in a text without quotation marks, apostrophes included', () => {
    expect(findAttributedQuotes("Arsenal's manager Arsene Wenger said Newcastle's season had been troubled.")).toEqual([]);
  });

  it('leaves a quotation nobody is said to have said without a speaker', () => {
    const text = 'The US Federal Communications Commission fined CBS $550,000 last autumn for singer Janet Jackson\'s "wardrobe malfunction".';
    expect(quotesOf(text)).toEqual([['wardrobe malfunction', null]]);
  });
});

/** Each reported statement's sentence and who made it. */
function statementsOf(text: string, before?: string): Array<[string, string]> {
  return findReportedStatements(text, before === undefined ? {} : { before }).map(({ sentence, speaker }) => [text.slice(sentence.start, sentence.end), speaker]);
}

// Sentences from the seed corpus (VOA Editorials, 2022-07) and the BBC news corpus (sport-029, business-089).
describe('findReportedStatements', () => {
  it('reads the speaker named with a speech verb at the end of a sentence', () => {
    const text =
      'The Iranian government is preparing to provide Russia with up to several hundred UAVs, including ones that are weapons-capable to use in Ukraine, National Security Advisor Jake Sullivan told reporters in Washington.';
    expect(statementsOf(text)).toEqual([[text, 'National Security Advisor Jake Sullivan']]);
  });

  it('reads the speaker at the start of a sentence that reports what they said', () => {
    const text = "Arsenal's manager Arsene Wenger said Newcastle's season had been troubled.";
    expect(statementsOf(text)).toEqual([[text, "Arsenal's manager Arsene Wenger"]]);
  });

  it('reads "according to" as naming who made a statement', () => {
    const text = 'The euro has risen by 12% against the dollar this year, according to the European Central Bank.';
    expect(statementsOf(text)[0]?.[1]).toBe('the European Central Bank');
  });

  it('resolves "he" to the person named in the sentence before', () => {
    const text = 'Nicolas Sarkozy of France met his colleagues on Friday. He said the decline of the dollar would hit Europe.';
    expect(statementsOf(text)).toEqual([['He said the decline of the dollar would hit Europe.', 'Nicolas Sarkozy']]);
  });

  it('leaves sentences holding a quotation to the quotations', () => {
    expect(findReportedStatements('Collins said: "It\'s a great challenge."')).toEqual([]);
  });

  it('finds nothing in a sentence that reports no one', () => {
    expect(findReportedStatements('The lock cost 212 million pounds and was paid for by the Welsh government.')).toEqual([]);
  });
});
