import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWordNet, thesaurusModule } from '../../scripts/buildThesaurus.js';
import { synonymLines, type WordNetFiles } from '../../scripts/selectSynonyms.js';

/** Real WordNet 3.1 lines: the verb "postpone" and two other senses of its synonyms, behind the licence header every file opens with. */
const HEADER = '  1 This software and database is being provided to you, the LICENSEE, by  \n';
const POSTPONE_FILES: WordNetFiles = {
  index: {
    noun: HEADER,
    verb:
      HEADER +
      [
        'defer v 2 4 @ ~ * + 2 2 02648898 00879879  ',
        'postpone v 1 4 @ ~ * + 1 1 02648898  ',
        'prorogue v 2 4 @ ~ * + 2 0 02648898 02433618  ',
        'shelve v 2 4 @ ~ * + 2 1 02648898 01500389  ',
      ].join('\n'),
    adj: HEADER,
    adv: HEADER,
  },
  data: {
    noun: HEADER,
    verb:
      HEADER +
      [
        '00879879 32 v 05 submit 2 bow 1 defer 0 accede 0 give_in 2 007 @ 00806138 v 0000 + 02001280 a 0301 + 04921016 n 0301 + 00792376 a 0101 + 14603635 n 0101 + 01169416 n 0101 + 10689166 n 0101 01 + 27 00 | yield to another\'s wish or opinion; "The government bowed to the military pressure"  ',
        '01500389 35 v 01 shelve a 002 @ 01496967 v 0000 + 10608132 n 0101 01 + 08 00 | place on a shelf; "shelve books"  ',
        '02648898 42 v 0a postpone 0 prorogue 0 hold_over 2 put_over 0 table 0 shelve 0 set_back 1 defer 0 remit 0 put_off 0 015 * 02483178 v 0000 * 00797137 v 0000 @ 02648041 v 0000 + 06772685 n 0a01 + 01068805 n 0802 + 01068805 n 0803 + 10608132 n 0601 + 01069116 n 0201 + 01068805 n 0101 + 10498211 n 0102 ~ 02649505 v 0000 ~ 02649658 v 0000 ~ 02649824 v 0000 ~ 02649956 v 0000 ~ 02650119 v 0000 02 + 08 00 + 21 00 | hold back to a later time; "let\'s postpone the exam"  ',
      ].join('\n'),
    adj: HEADER,
    adv: HEADER,
  },
  license: 'WordNet Release 3.0\n\nWordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.\n',
};

describe('synonymLines', () => {
  it('lists, for each sense-tagged word, the other sense-tagged single words of its commonest senses', () => {
    // `prorogue` was never sense-tagged, `hold_over` and `put_off` are several words, `submit` and `bow` have no entry here.
    expect(synonymLines(POSTPONE_FILES)).toEqual(['defer\tpostpone shelve', 'postpone\tdefer shelve', 'shelve\tdefer postpone']);
  });

  it('lists nothing for a database without entries', () => {
    const empty = { noun: HEADER, verb: HEADER, adj: HEADER, adv: HEADER };
    expect(synonymLines({ index: empty, data: empty, license: '' })).toEqual([]);
  });
});

describe('npm run build:thesaurus', () => {
  it('writes WordNet\u2019s licence into the module it generates', () => {
    expect(thesaurusModule(POSTPONE_FILES)).toContain(' * WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.');
  });

  it('wrote the committed synonym module from the installed WordNet', () => {
    const committed = readFileSync(new URL('../../src/core/text/wordnetSynonyms.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(thesaurusModule(readWordNet()));
  });
});
