import { describe, expect, it } from 'vitest';
import { analyzeSaidQuestion } from '../../../src/core/search/saidQuestions.js';

describe('analyzeSaidQuestion', () => {
  it('reads the speaker and the topic of "What did X say about …?"', () => {
    expect(analyzeSaidQuestion('What did Nicolas Sarkozy say about the fall of the dollar?')).toMatchObject({
      speaker: 'Nicolas Sarkozy',
      speakerTerms: ['nicola', 'sarkozi'],
      topicTerms: ['fall', 'dollar'],
      asksForDescription: false,
    });
  });

  it('knows "How did X describe …?" asks for a description', () => {
    expect(analyzeSaidQuestion("How did Newcastle chairman Freddy Shepherd describe Bellamy's behaviour?")).toMatchObject({
      speaker: 'Newcastle chairman Freddy Shepherd',
      roleTerms: ['chairman'],
      topicTerms: ['bellami', 'behaviour'],
      asksForDescription: true,
    });
  });

  it('reads the speaker of "What was X\'s reaction to …?"', () => {
    expect(analyzeSaidQuestion("What was Thierry Henry's reaction to Arsenal's win over Fulham?")).toMatchObject({
      speaker: 'Thierry Henry',
      topicTerms: ['arsen', 'win', 'fulham'],
    });
  });

  it('keeps a role noun as the speaker when the question names no one', () => {
    expect(analyzeSaidQuestion('What did the spokesman call the sanctions?')).toMatchObject({ speaker: 'spokesman', speakerTerms: ['spokesman'], topicTerms: ['sanction'] });
  });

  it("leaves titles out of the speaker's name terms", () => {
    expect(analyzeSaidQuestion("How did Mr Bez describe Aston Martin's DB9?")?.speakerTerms).toEqual(['bez']);
  });

  it('does not take a demand ("call for") for words', () => {
    expect(analyzeSaidQuestion('What did the protesters call for?')).toBeNull();
  });

  it("does not read a question that asks no one's words", () => {
    expect(analyzeSaidQuestion('Who replaced Brian Hook as the US envoy for Iran?')).toBeNull();
  });

  it('does not take a pronoun for a speaker', () => {
    expect(analyzeSaidQuestion('What did they say about the talks?')).toBeNull();
  });

  it('reads "say in 2022" as speech, unlike "call in"', () => {
    expect(analyzeSaidQuestion('What did Jake Sullivan say in 2022 about drones?')?.speaker).toBe('Jake Sullivan');
  });

  it('tells the speaker apart by the role when the only capitalised word is a country', () => {
    const said = analyzeSaidQuestion("What did the US national security adviser say about Russia's alliance with Iran?");
    expect(said?.speakerTerms).toEqual(['nation', 'secur', 'advis']);
  });
});
