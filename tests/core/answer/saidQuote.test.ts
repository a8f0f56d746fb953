import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import type { Article } from '../../../src/core/types.js';
import { ask } from '../../support/answering.js';

// BBC news, sport-252: the lead names Sir Alex Ferguson; the paragraph after it quotes him, once as "he said".
const ferguson: Article = {
  id: 'ferguson',
  title: 'Ferguson rues failure to cut gap',
  source: 'ferguson.txt',
  text:
    "Boss Sir Alex Ferguson was left ruing Manchester United's failure to close the gap on Chelsea, Everton and Arsenal after his side's 1-1 draw with Fulham.\n\n" +
    'Premiership leaders Chelsea and the Gunners endured a 2-2 stalemate on Sunday, giving United the chance to make up some ground in the league. ' +
    "United went ahead through Alan Smith in the 33rd minute before Bouba Diop's superb 25-yard strike cancelled out the visitors' lead in the 87th minute. " +
    'Ferguson described the result as an "absolute giveaway" after United had earlier missed a host of opportunities to finish off the encounter. ' +
    'He said: "It was a good performance - some of the football was fantastic - but we just didn\'t finish them off. "In fairness, it\'s a fantastic strike from the Fulham player."',
};

describe('the quote of an answer to a question about what someone said', () => {
  it('quotes the sentence holding the quotation "described … as", for "How did X describe …?"', async () => {
    const answer = await ask(buildCorpusIndex([ferguson]), "How did Sir Alex Ferguson describe Manchester United's 1-1 draw with Fulham?");
    expect(answer.quote?.text).toMatch(/^Ferguson described the result as an "absolute giveaway"/);
  });

  it("quotes the sentence matching the most question words for a question about no one's words", async () => {
    const answer = await ask(buildCorpusIndex([ferguson]), "Whose strike cancelled out United's lead against Fulham?");
    expect(answer.quote?.text).toMatch(/^United went ahead through Alan Smith/);
  });
});
