/**
 * The second stage of retrieval: the passages the index proposes are scored again, on what BM25
 * does not see — whether one sentence holds the question's rare words together, whether they
 * stand in the question's order, how long the passage is, and whether that sentence holds the
 * kind of answer asked for (a number, a date). Within a sentence, the question's names weigh
 * more and the noun naming the kind of answer ("What stadium…") less, and a synonym counts for
 * part of the word it stands for; a passage lacking a name the other candidates share loses.
 * Last, a passage that gives the kind of answer asked for goes before a lead of its article that
 * only restates the question ({@link promoteAnswerBearing}).
 *
 * Figures below are R@1 on SQuAD v1.1 dev (`npm run eval`, 2,067 paragraphs as articles): the
 * weights were tuned on the questions of its first five articles ("tuning", 1,877 questions) and
 * checked on the next five ("held out", 1,159). Re-ranking took R@1 from 0.695 to 0.746 on the
 * tuning questions and from 0.752 to 0.822 on the held-out ones. Each weight's note gives the
 * figures without it and with its neighbours: most are flat around the value chosen.
 */
import { analyzeTerms, tokenizeWords, toTerm } from '../text/analysis.js';
import { passagesOfArticle, type CorpusIndex } from '../indexing/corpusIndex.js';
import { splitSentences } from '../text/sentences.js';
import { synonymTerms } from '../text/thesaurus.js';
import type { Passage } from '../types.js';

/**
 * Weight of the best sentence's share of the question, next to the first-stage score (scaled to
 * at most 1). Crowd-written questions paraphrase one sentence of their paragraph: without this
 * feature R@1 is 0.714 (tuning) and 0.796 (held out); with weight 1, 0.736; 3, 0.745; 2, 0.746.
 */
const SENTENCE_MATCH_WEIGHT = 2;
/**
 * How a sentence's share weighs the question's terms: by their rarity in the corpus, and by their
 * rarity among the candidates, mixed in these proportions. Corpus rarity alone gave R@1 0.735
 * (tuning), candidate rarity alone 0.746 (0.816 held out), ¼ and ¾ 0.746 (0.822 held out).
 */
const CORPUS_RARITY_SHARE = 0.25;
const CANDIDATE_RARITY_SHARE = 0.75;
/**
 * A term's rarity among the candidates counts for at most this share of its rarity in the corpus:
 * a word common in the corpus (`year`, `name`, `time`) says little about a passage even when few
 * candidates use it, and the answering sentence often says it differently (a date for `year`).
 * Uncapped, R@1 is 0.757 (tuning) and 0.827 (held out), MRR 0.829 and 0.873; at 0.5, 0.758 and
 * 0.829, MRR 0.830 and 0.875; 0.4 and 0.6 give the same tuning R@1 within 0.001, 0.3 0.755, 1 no change.
 */
const CANDIDATE_RARITY_CAP = 0.5;
/**
 * Weight of the share of the question's consecutive word pairs found side by side in the passage
 * ("Super Bowl", "Levi's Stadium"): a phrase match is rarer than its two words. Without it R@1 is
 * 0.735 (tuning) and 0.797 (held out); weight 1 gives 0.746, 2 0.745.
 */
const WORD_ORDER_WEIGHT = 1.5;
/**
 * Credit, next to a pair side by side, of two question terms that stand side by side in the
 * passage with the question's term between them left out: "When did the US leave the Iranian
 * nuclear deal?" against "…left the Iranian deal in 2018" (`iranian` and `deal` around `nuclear`),
 * a word the question adds to its paragraph's phrase. Without it R@1 is 0.758 (tuning)
 * and 0.829 (held out), R@3 0.892 and 0.911, MRR 0.830 and 0.875; at 0.75, 0.761 and 0.830, R@3
 * 0.892 and 0.913, MRR 0.832 and 0.876; 0.6, 0.9 and 1 give the same tuning R@1 (MRR within
 * 0.0002), 0.5 0.760, 1.5 0.759. Weighing pairs by their rarity among the candidates instead of
 * their words' corpus weight (as {@link CANDIDATE_RARITY_CAP}'s terms are) lost R@1 on both halves
 * (0.754 and 0.823 at weight 1), and so did counting pairs one passage word apart (0.752 at full
 * credit), only within the best sentence (0.754), or in reverse order (0.757).
 */
const SKIPPED_TERM_PAIR_CREDIT = 0.75;
/**
 * Bonus when the best sentence holds a number (for "how many…") or a date (for "when…"): the
 * passage that answers states it. Without it R@1 is 0.738 (tuning); 0.5 gives 0.746, 1 0.743.
 */
const ANSWER_KIND_BONUS = 0.75;
/**
 * Scores are divided by (1 + terms)^this: a long passage matches more words by chance, which
 * BM25's length normalisation does not undo in the features above. Without it R@1 is 0.735
 * (tuning); 0.1 gives 0.746, 0.2 0.742.
 */
const LENGTH_EXPONENT = 0.15;

/**
 * Credit of a near form (see {@link QuestionTerms}) next to an exact match of the same term:
 * Porter leaves `expanding`/`expansion` (`expand`/`expans`), `east`/`eastward` and
 * `charity`/`charitable` apart. Counted at full credit, R@1 is 0.746 (tuning) and 0.822 (held
 * out), R@3 0.879 and 0.903; not counted, 0.744 and 0.818, R@3 0.877 and 0.897; half, between.
 */
const NEAR_FORM_CREDIT = 1;
/**
 * Credit of a synonym ({@link synonymTerms}: `vanquish` for `beat`, `conclusion` for `final`)
 * next to an exact match of the same term, when the sentence holds neither it nor a near form.
 * R@1 and R@3 without synonyms (nor {@link MISSING_NAME_PENALTY}): 0.765 and 0.893 (tuning),
 * 0.831 and 0.914 (held out); at 0.6, 0.766 and 0.899, 0.834 and 0.916. On the 394 questions
 * written for 38 other SQuAD articles (`bench/questions/squad-other-questions.jsonl`), 0.942 and
 * 0.992 without, 0.947 and 0.992 at 0.6. With the penalty, 0.4 gives 0.767 and 0.895 (tuning),
 * 0.942 (other articles); 0.8 0.768 and 0.899, 0.949 and 0.995. News phrase@1 (see
 * {@link ARTICLE_CONTEXT_CREDIT}) is 109 of 149 questions against 110 without: a lead that restates
 * the question in other words gains with the paragraph that answers.
 */
const SYNONYM_CREDIT = 0.6;
/**
 * Credit, within each sentence, of a question term that the sentence lacks but the article's
 * title holds: a headline is the context of every sentence under it ("He was hired…" in an
 * article titled "Nikola Tesla"). Without it R@1 is 0.753 (tuning) and 0.824 (held out); 0.3
 * gives 0.753 and 0.824, 0.5 0.757 and 0.827, 0.6 and 0.8 0.757 (tuning); R@3 0.888 and 0.909
 * without it, 0.892 and 0.911 at 0.5.
 */
const TITLE_CONTEXT_CREDIT = 0.5;
/**
 * Credit, within each sentence, of a question term that the sentence's passage lacks but a passage
 * before it in the same article holds: a news article's lead states who and what ("A close
 * associate of Mikhail Khodorkovsky has told a court…"), and the paragraph that answers says "Mr
 * Khodorkovsky", "the firm", "he". Only the passages before count: credited from every other
 * passage, the lead gains as much from the answering paragraph's words as the reverse, and its
 * first-stage score and short length win (news phrase@1, tuning half, 0.680 at 0.2, 0.667 at 0.3
 * and 0.5, against 0.707). On the news questions (`bench/questions/bbc-news-questions.jsonl`,
 * split by id number: n % 30 = 7 tuning, 22 held out, 75 and 74 questions), phrase@1 (the answer
 * phrase in the top passage) is 0.707 and 0.635 without it; 0.3 gives 0.733 and 0.662, 0.5 0.747
 * and 0.676, 0.6 and 0.7 0.760 and 0.773 (tuning), 1 0.787 (tuning); article R@1 (held out) rises
 * from 0.878 to 0.919 at 0.5. On SQuAD, where an article is one paragraph, this only touches the
 * second part of a paragraph cut in two: at 0.5 R@1 is 0.7645 and 0.831 (against 0.764 and
 * 0.833), R@3 0.893 and 0.913 (0.894 and 0.912); at 0.6 and 0.7 R@3 (tuning) falls to 0.891 and
 * 0.890. Counting a term the passage holds in another sentence as well lowered news R@1 (0.920 and
 * 0.905 against 0.933 and 0.932 at 0.7), and so did the earlier sentences of the same passage
 * (0.920, tuning, at 0.5).
 */
const ARTICLE_CONTEXT_CREDIT = 0.5;
/**
 * Weight, next to its rarity, of a question term written capitalised other than as the question's
 * first word ("Tesla", "NFL", "Super Bowl"), in a sentence's share: the sentence that answers
 * names what the question names, while its common words are often paraphrased. Without it R@1 is
 * 0.758 (tuning) and 0.829 (held out); alone, 1.25 gives 0.759, 1.35 0.760 and 0.830, 1.5 0.759
 * (R@3 0.893 and 0.913 at 1.35, against 0.892 and 0.911). Numbers in the question weighed ×1.35
 * as well gave 0.759 (tuning), alone 0.757: they are left at their rarity. Weighing the word
 * pairs of {@link WORD_ORDER_WEIGHT} the same way gave 0.757.
 */
const NAME_WEIGHT = 1.35;
/**
 * Weight, next to its rarity, of the question's focus noun (see {@link focusWord}: "What
 * stadium…", "Which NFL team…", "What is the name of…"), in a sentence's share: it names the kind
 * of answer, and the answering sentence often gives the answer without that word ("What city…"
 * answered by "…in Santa Clara"). Alone, 0.5 gives R@1 0.758 (tuning; MRR 0.831 against 0.830) and
 * 0.833 (held out, against 0.829); 0.3 and 0.7 (capitalised modifiers not skipped) 0.759 and
 * 0.831. With {@link NAME_WEIGHT}: R@1 0.760, R@3 0.895, MRR 0.832 (tuning) and 0.832, 0.911,
 * 0.878 (held out), against 0.758, 0.892, 0.830 and 0.829, 0.911, 0.875 without either; 0.3 and
 * 0.7 give the same tuning R@1 (0.831 and 0.830 held out); names at 1.25 or 1.5, 0.759 and 0.758.
 * Leaving the focus noun out of the first stage's query, or halving it there (MiniSearch
 * `boostTerm`), gave 0.827 (held out) either way.
 */
const FOCUS_NOUN_WEIGHT = 0.5;
/**
 * Taken off a candidate that lacks a name of the question (see {@link NAME_WEIGHT}) which at
 * least {@link SHARED_NAME_SHARE} of the candidates hold, in their text, title or an earlier
 * passage of their article: the question is about that name, and a passage elsewhere matching
 * its other words ("What Panther defender was called for holding on third down?" against an EU
 * law paragraph on third parties holding rights) answers something else. Rarity among the
 * candidates weighs such a name down, since most candidates share it; this restores the cost of
 * lacking it. Without it (with {@link SYNONYM_CREDIT}) R@1 and R@3 are 0.766 and 0.899 (tuning),
 * 0.834 and 0.916 (held out), news phrase@1 109 of 149; at 0.3, 0.769 and 0.898, 0.835 and 0.919,
 * 111; 0.2 and 0.6 give 0.768 (tuning) and 110 and 111. A share of 0.3 or 0.7 gave 109 on news.
 * The other articles' questions are unchanged.
 */
const MISSING_NAME_PENALTY = 0.3;
const SHARED_NAME_SHARE = 0.5;

/** Kinds of answer a question asks for and a sentence can hold, as bits. */
const NUMBER = 1;
const DATE = 2;
/** A name: asked for by "who", "whom", "whose" and "which" (not asking for a number or a date), held by a capitalised word within a sentence. */
const NAME = 4;
const ASKS_FOR_NAME = /\b(?:who|whom|whose|which)\b/i;

/**
 * Questions that ask for a number. News asks for shares, stakes, prices and rates ("What share of
 * Germany's labour force was jobless…", "What stake in Sunderland…"; "by how much" is already a
 * "how much"): with these, news phrase@1 (see {@link ARTICLE_CONTEXT_CREDIT}) is 0.707 (tuning,
 * unchanged) and 0.676 (held out, against 0.635); with that credit, 0.747 and 0.730 (against 0.747
 * and 0.676). SQuAD is unchanged.
 */
const ASKS_FOR_NUMBER =
  /\bhow (?:many|much|long|far|old|large|big|tall|high|often|fast)\b|\bwhat (?:percentage|percent|number|amount|size|age|share|stake|proportion|price|rate|growth rate|fraction|sum|figure|total|cost|value)\b/i;
const ASKS_FOR_DATE = /\b(?:what|which) (?:year|day|date|month|century|decade|time|period|era)\b/i;
const QUESTION_WORD = /\b(?:what|which|who|whom|whose|where|when|why|how)\b/gi;
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty',
  'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions',
  'dozen', 'dozens', 'half', 'twice',
]);
/** Month and weekday names count only capitalised: `may`, `march` and `sun` are ordinary words. */
const DATE_NAMES: ReadonlySet<string> = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);
const YEAR_OR_DECADE = /^(?:1\d{3}|20\d{2})s?$/;

/** Where a passage's sentences start among its terms, and the kinds of answer each holds. */
interface PassageLayout {
  /** Index in the passage's terms of each sentence's first term, ascending. */
  readonly sentenceStarts: readonly number[];
  /** For each sentence, {@link NUMBER} and {@link DATE} bits. */
  readonly sentenceAnswers: readonly number[];
  /** The terms of the passage's article title. */
  readonly titleTerms: readonly string[];
}

/**
 * Layouts are read from the passage text the first time a passage is a candidate and kept with
 * the index (which never changes after it is built): about 30 µs a passage, once.
 */
const layoutCache = new WeakMap<CorpusIndex, Map<string, PassageLayout>>();

/** A passage proposed by the first stage, with its first-stage score. */
export interface RerankCandidate {
  readonly passage: Passage;
  readonly score: number;
}

/** A candidate's second-stage score, and the question terms its text holds. */
export interface RerankedCandidate {
  readonly score: number;
  /** Question terms the passage's text holds as they are. */
  readonly termsInText: readonly string[];
  /** Question terms the passage's text holds only in a near form (`expans` for `expand`). */
  readonly nearTermsInText: readonly string[];
}

/**
 * Scores candidates again for a question; returns one result per candidate, in the same order.
 * The first-stage score is scaled so that the best candidate's is 1; added to it are the best
 * sentence's share of the question, the share of the question's word pairs found in order (also
 * with the question's word between them left out), and a bonus when that sentence holds the kind
 * of answer asked for; the sum is divided by a power of the passage's length (see the constants
 * for the figures behind each weight).
 * A sentence's share is counted twice: with each term weighed by its rarity in the corpus, and
 * by its rarity among the candidates ("Tesla" tells apart nothing among passages all on Tesla),
 * both times weighed up for a name and down for the focus noun ({@link termRoles}); a term the
 * sentence lacks counts for a share when its article's title or a passage before it holds it
 * ({@link TITLE_CONTEXT_CREDIT}, {@link ARTICLE_CONTEXT_CREDIT}), or the sentence a synonym of it
 * ({@link SYNONYM_CREDIT}). A candidate lacking a name of the question that most candidates hold
 * loses {@link MISSING_NAME_PENALTY}.
 * Cost: linear in the terms of the candidates' articles; a fraction of a millisecond for 30
 * passages of news.
 *
 * @param question - the question as asked (for the kind of answer it wants)
 * @param terms - the question's distinct terms, in question order (at most 31)
 * @param weights - each term's weight in the corpus (`termWeight` in `retrieve.ts`)
 */
export function rerankCandidates(
  index: CorpusIndex,
  question: string,
  terms: readonly string[],
  weights: readonly number[],
  candidates: readonly RerankCandidate[],
): RerankedCandidate[] {
  if (candidates.length === 0) return [];
  const questionTerms = new QuestionTerms(terms);
  const matches = candidates.map((candidate) => matchPassage(index, candidate.passage, questionTerms));
  const roles = termRoles(question, terms);

  // Rarity among the candidates, as BM25 would weigh it if they were the whole corpus, capped by rarity in the corpus.
  const localWeights = terms.map((_, termIndex) => {
    const containing = matches.reduce((count, match) => count + (((match.terms | match.nearTerms) >> termIndex) & 1), 0);
    const rarity = Math.log(1 + (candidates.length - containing + 0.5) / (containing + 0.5));
    return Math.min(rarity, CANDIDATE_RARITY_CAP * weights[termIndex]!) * roles[termIndex]!;
  });
  // A sentence's share weighs names up and the focus noun down; word pairs keep plain rarity.
  const shareWeights = weights.map((weight, termIndex) => weight * roles[termIndex]!);
  const total = sum(weights);
  const shareTotal = sum(shareWeights);
  const localTotal = sum(localWeights);
  const asked = askedKinds(question);
  // Names of the question that most candidates hold: a candidate without one is likely off the question's subject.
  let sharedNames = 0;
  terms.forEach((_, termIndex) => {
    if (roles[termIndex] !== NAME_WEIGHT) return;
    const holding = matches.reduce((count, match) => count + (((match.terms | match.nearTerms | match.title) >> termIndex) & 1), 0);
    if (holding >= SHARED_NAME_SHARE * candidates.length) sharedNames |= 1 << termIndex;
  });
  const topScore = Math.max(...candidates.map((candidate) => candidate.score));
  // The question terms of each passage of the candidates' articles, read once per article.
  const articleTerms = new Map<string, number[]>();
  const termsBefore = (passage: Passage): number => {
    let masks = articleTerms.get(passage.articleId);
    if (masks === undefined) {
      masks = passagesOfArticle(index, passage.articleId).map((other) => exactTermsOf(index, other, questionTerms));
      articleTerms.set(passage.articleId, masks);
    }
    let before = 0;
    for (let position = 0; position < passage.position && position < masks.length; position += 1) before |= masks[position]!;
    return before;
  };

  return candidates.map((candidate, candidateIndex) => {
    const match = matches[candidateIndex]!;
    // Terms the passage lacks but an earlier passage of its article holds (the title's are credited as such).
    const context = termsBefore(candidate.passage) & ~(match.terms | match.title);
    let bestSentence = 0;
    let bestAnswers = 0;
    match.sentences.forEach((mask, sentence) => {
      const near = match.nearSentences[sentence]! & ~mask;
      const synonyms = match.synonymSentences[sentence]! & ~(mask | near);
      const titleOnly = match.title & ~(mask | near | synonyms);
      const contextOnly = context & ~(near | synonyms);
      const credited = (termWeights: readonly number[]): number =>
        sumWeights(mask, termWeights) +
        NEAR_FORM_CREDIT * sumWeights(near, termWeights) +
        SYNONYM_CREDIT * sumWeights(synonyms, termWeights) +
        TITLE_CONTEXT_CREDIT * sumWeights(titleOnly, termWeights) +
        ARTICLE_CONTEXT_CREDIT * sumWeights(contextOnly, termWeights);
      const share =
        (shareTotal > 0 ? (CORPUS_RARITY_SHARE * credited(shareWeights)) / shareTotal : 0) +
        (localTotal > 0 ? (CANDIDATE_RARITY_SHARE * credited(localWeights)) / localTotal : 0);
      if (share > bestSentence) {
        bestSentence = share;
        bestAnswers = match.answers[sentence]!;
      }
    });
    let pairs = 0;
    for (let termIndex = 1; termIndex < terms.length; termIndex += 1) {
      if ((match.pairs >> termIndex) & 1) pairs += (weights[termIndex - 1]! + weights[termIndex]!) / 2;
      if ((match.skippedPairs >> termIndex) & 1) pairs += (SKIPPED_TERM_PAIR_CREDIT * (weights[termIndex - 2]! + weights[termIndex]!)) / 2;
    }
    const relevance =
      (topScore > 0 ? candidate.score / topScore : 0) +
      SENTENCE_MATCH_WEIGHT * bestSentence +
      WORD_ORDER_WEIGHT * (total > 0 ? pairs / total : 0) +
      ((bestAnswers & asked) !== 0 ? ANSWER_KIND_BONUS : 0) -
      ((sharedNames & ~(match.terms | match.nearTerms | match.title | context)) !== 0 ? MISSING_NAME_PENALTY : 0);
    return {
      score: relevance / Math.pow(1 + match.length, LENGTH_EXPONENT),
      termsInText: terms.filter((_, termIndex) => (match.terms >> termIndex) & 1),
      nearTermsInText: terms.filter((_, termIndex) => ((match.nearTerms & ~match.terms) >> termIndex) & 1),
    };
  });
}

/** The kinds of answer a question asks for, as {@link NUMBER}, {@link DATE} and {@link NAME} bits. */
function askedKinds(question: string): number {
  const asksForDate = ASKS_FOR_DATE.test(question) || questionWord(question) === 'when';
  const kinds = (ASKS_FOR_NUMBER.test(question) ? NUMBER : 0) | (asksForDate ? DATE : 0);
  return kinds !== 0 ? kinds : ASKS_FOR_NAME.test(question) ? NAME : 0;
}

/**
 * The question's own question word, lowercased: its first, unless one follows a comma — a clause
 * before the question proper ("When John Fox left, who replaced him?"). A "when" further in is a
 * clause too ("How old was Manning when he played…?"). Taking any "when" for a question about a
 * date, SQuAD R@1 is 0.769 against 0.770 (tuning; held out the same), and news phrase@1 (see
 * {@link promoteAnswerBearing}) 117 against 116: "What was halted when China's agency stopped
 * work…?" had its answer promoted by a date that happened to stand beside it.
 */
function questionWord(question: string): string | undefined {
  const words = [...question.matchAll(QUESTION_WORD)];
  const afterComma = words.find((word) => /,\s*$/.test(question.slice(0, word.index)));
  return (afterComma ?? words[0])?.[0].toLowerCase();
}

/**
 * Whether a passage's text holds a word of an asked kind that is not one of the question's terms
 * (nor a near form of one): a number (`24`, `seven`), a date (`1995`, `February`), or a name (a
 * capitalised word other than a sentence's first, not a month or weekday). Read from the text on
 * each call (tens of microseconds): it is asked of three passages a question at most.
 */
function holdsNewAnswer(text: string, asked: number, questionTerms: QuestionTerms): boolean {
  const sentences = splitSentences(text);
  let sentence = -1;
  for (const { word, start } of tokenizeWords(text)) {
    let firstOfSentence = false;
    while (sentence + 1 < sentences.length && sentences[sentence + 1]!.start <= start) {
      sentence += 1;
      firstOfSentence = true;
    }
    const kinds = answerKinds(word) | (!firstOfSentence && isName(word) ? NAME : 0);
    if ((kinds & asked) === 0) continue;
    const term = toTerm(word) ?? word.toLowerCase();
    if (questionTerms.indexOf(term) < 0 && questionTerms.nearIndexOf(term) < 0) return true;
  }
  return false;
}

/**
 * How far down the ranking {@link promoteAnswerBearing} looks for a passage that holds the answer.
 */
const ANSWER_BEARING_DEPTH = 3;

/**
 * Puts first, when the question asks for a name ("who", "whom", "whose", "which"), a number or a
 * date, and the first passage holds no such word that the question does not already give, the
 * next passage of the same article within the first {@link ANSWER_BEARING_DEPTH} that does. A news lead restates the question and leaves the answer
 * to the paragraph after it ("A close associate of Mikhail Khodorkovsky has told a court…", then
 * "Platon Lebedev said…"); the lead matches the question's words better, but the reader asked for
 * the name. Other articles' order is kept, so the article cited first does not change.
 *
 * On the news questions (`bench/questions/bbc-news-questions.jsonl`, halves as for
 * {@link ARTICLE_CONTEXT_CREDIT}), the answer phrase is in the quote or top passage for 116 of 149
 * questions against 111 (57 and 59 of the tuning and held-out halves, against 56 and 55); looking
 * at the first 2 or 5 gave 113 and 116. For all 38 questions it missed before, the passage holding
 * the phrase was already among the candidates, 23 of them second. Promoting a passage of another
 * article as well cost 1 to 3 points of R@1 (SQuAD halves, other articles, news). SQuAD, where an
 * article is one paragraph (cut in two when long), is unchanged.
 *
 * @param question - the question as asked (for the kind of answer it wants)
 * @param terms - the question's distinct terms (the words it already gives)
 * @param ranked - passages in ranking order, each with its score
 * @returns the same passages, the promoted one moved to the front with the first one's score
 */
export function promoteAnswerBearing<T extends { readonly passage: Passage; readonly score: number }>(question: string, terms: readonly string[], ranked: readonly T[]): T[] {
  const first = ranked[0];
  const asked = askedKinds(question);
  if (first === undefined || asked === 0) return [...ranked];
  const questionTerms = new QuestionTerms(terms);
  if (holdsNewAnswer(first.passage.text, asked, questionTerms)) return [...ranked];
  const promoted = ranked
    .slice(1, ANSWER_BEARING_DEPTH)
    .find((other) => other.passage.articleId === first.passage.articleId && holdsNewAnswer(other.passage.text, asked, questionTerms));
  // The promoted passage takes the first one's score, so that scores still descend down the ranking.
  return promoted === undefined ? [...ranked] : [{ ...promoted, score: first.score }, ...ranked.filter((other) => other !== promoted)];
}

const WHAT_WHICH: ReadonlySet<string> = new Set(['what', 'which']);
const LINKING_VERBS: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were']);
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
/** Nouns that name a kind of answer in "what is the name of…", "what type of…". */
const GENERIC_FOCUS: ReadonlySet<string> = new Set(['name', 'kind', 'type', 'term', 'sort', 'form']);
const KIND_OF: ReadonlySet<string> = new Set(['type', 'kind', 'sort', 'form']);
const CAPITALISED = /^\p{Lu}/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * The question's focus noun, the word naming the kind of answer it asks for, as written, or
 * `null`: the first lowercase word after the question's first "what" or "which", capitalised
 * modifiers skipped ("Which NFL team" → `team`, "What stadium" → `stadium`); the generic noun of
 * "what is the name of…", "what was the term for…" and of "what type of…", "which kind of…".
 * A word that is a stop word ("What did…", "What is…") is no focus. Taking no verb in -ed for
 * one ("What happened", "What caused") changed nothing; taking the noun after "of" as well
 * ("the name of the stadium") lost 0.002 R@1 (held out).
 *
 * @example focusWord('Which NFL team represented the AFC?') // 'team'
 * @example focusWord('What is the name of the stadium?') // 'name'
 */
export function focusWord(question: string): string | null {
  const tokens = tokenizeWords(question);
  const lower = tokens.map((token) => token.word.toLowerCase());
  const at = lower.findIndex((word) => WHAT_WHICH.has(word));
  if (at < 0 || at + 1 >= tokens.length) return null;
  let next = at + 1;
  if (LINKING_VERBS.has(lower[next]!) && ARTICLES.has(lower[next + 1] ?? '') && GENERIC_FOCUS.has(lower[next + 2] ?? '')) return tokens[next + 2]!.word;
  if (KIND_OF.has(lower[next]!) && lower[next + 1] === 'of') return tokens[next]!.word;
  while (next < tokens.length - 1 && CAPITALISED.test(tokens[next]!.word)) next += 1;
  const word = tokens[next]!.word;
  if (CAPITALISED.test(word) || HAS_DIGIT.test(word)) return null;
  return toTerm(word) === null ? null : word;
}

/**
 * Each question term's weight next to its rarity in a sentence's share: {@link NAME_WEIGHT} for
 * a name (a term from a capitalised word other than the question's first), {@link FOCUS_NOUN_WEIGHT}
 * for the focus noun ({@link focusWord}), otherwise 1. Cost: one pass over the question's words.
 */
function termRoles(question: string, terms: readonly string[]): number[] {
  const roles = terms.map(() => 1);
  const setRole = (word: string, role: number): void => {
    const term = toTerm(word);
    const termIndex = term === null ? -1 : terms.indexOf(term);
    if (termIndex >= 0) roles[termIndex] = role;
  };
  tokenizeWords(question).forEach(({ word }, position) => {
    if (position > 0 && CAPITALISED.test(word) && !HAS_DIGIT.test(word)) setRole(word, NAME_WEIGHT);
  });
  const focus = focusWord(question);
  if (focus !== null) setRole(focus, FOCUS_NOUN_WEIGHT);
  return roles;
}

/**
 * A question's terms, to look up a passage's terms in: exactly, or as a near form — two terms of
 * four letters or more of which one begins with the other (`east`, `eastward`), or that share
 * their first five letters (`expand`, `expans`) — or as a synonym ({@link synonymTerms}).
 */
class QuestionTerms {
  private readonly exact: Map<string, number>;
  private readonly byFirstFive = new Map<string, number>();
  private readonly byFirstFour = new Map<string, number>();
  private readonly fourLetter = new Map<string, number>();
  private readonly synonyms = new Map<string, number>();

  constructor(terms: readonly string[]) {
    this.exact = new Map(terms.map((term, termIndex) => [term, termIndex]));
    terms.forEach((term, termIndex) => {
      for (const synonym of synonymTerms(term)) if (!this.exact.has(synonym)) setOnce(this.synonyms, synonym, termIndex);
    });
    terms.forEach((term, termIndex) => {
      if (term.length === NEAR_FORM_MIN_LENGTH) setOnce(this.fourLetter, term, termIndex);
      if (term.length > NEAR_FORM_MIN_LENGTH) {
        setOnce(this.byFirstFive, term.slice(0, NEAR_FORM_MIN_LENGTH + 1), termIndex);
        setOnce(this.byFirstFour, term.slice(0, NEAR_FORM_MIN_LENGTH), termIndex);
      }
    });
  }

  /** The index of the question term that `term` is, or -1. */
  indexOf(term: string): number {
    return this.exact.get(term) ?? -1;
  }

  /** The index of a question term of which `term` is a near form, or -1. */
  nearIndexOf(term: string): number {
    if (term.length < NEAR_FORM_MIN_LENGTH) return -1;
    if (term.length === NEAR_FORM_MIN_LENGTH) return this.byFirstFour.get(term) ?? -1;
    return this.byFirstFive.get(term.slice(0, NEAR_FORM_MIN_LENGTH + 1)) ?? this.fourLetter.get(term.slice(0, NEAR_FORM_MIN_LENGTH)) ?? -1;
  }

  /** The index of a question term of which `term` is a synonym, or -1. */
  synonymIndexOf(term: string): number {
    return this.synonyms.get(term) ?? -1;
  }
}

/** The shortest term that has near forms. */
const NEAR_FORM_MIN_LENGTH = 4;

function setOnce(map: Map<string, number>, key: string, value: number): void {
  if (!map.has(key)) map.set(key, value);
}

/** Which question terms a passage holds (bit `i` for term `i`): overall and per sentence, exactly and as near forms (and per sentence as synonyms), and as the second of a pair in order (with or without the term between); and which its article's title holds. */
interface PassageMatch {
  readonly terms: number;
  readonly title: number;
  readonly nearTerms: number;
  readonly sentences: readonly number[];
  readonly nearSentences: readonly number[];
  readonly synonymSentences: readonly number[];
  readonly answers: readonly number[];
  /** Bit `i` set when term `i - 1` is followed directly by term `i` somewhere in the passage. */
  readonly pairs: number;
  /** Bit `i` set when term `i - 2` is followed directly by term `i` somewhere in the passage (term `i - 1` left out). */
  readonly skippedPairs: number;
  readonly length: number;
}

function matchPassage(index: CorpusIndex, passage: Passage, questionTerms: QuestionTerms): PassageMatch {
  const passageTerms = index.passageTerms.get(passage.id) ?? [];
  const layout = layoutOf(index, passage);
  const sentences = layout.sentenceStarts.map(() => 0);
  const nearSentences = layout.sentenceStarts.map(() => 0);
  const synonymSentences = layout.sentenceStarts.map(() => 0);
  let terms = 0;
  let nearTerms = 0;
  let pairs = 0;
  let skippedPairs = 0;
  let sentence = -1;
  let previous = -2;
  passageTerms.forEach((term, termIndex) => {
    while (sentence + 1 < layout.sentenceStarts.length && layout.sentenceStarts[sentence + 1]! <= termIndex) sentence += 1;
    const queryIndex = questionTerms.indexOf(term);
    if (queryIndex < 0) {
      previous = -2;
      const nearIndex = questionTerms.nearIndexOf(term);
      if (nearIndex >= 0) {
        nearTerms |= 1 << nearIndex;
        if (sentence >= 0) nearSentences[sentence]! |= 1 << nearIndex;
        return;
      }
      const synonymIndex = questionTerms.synonymIndexOf(term);
      if (synonymIndex >= 0 && sentence >= 0) synonymSentences[sentence]! |= 1 << synonymIndex;
      return;
    }
    terms |= 1 << queryIndex;
    if (sentence >= 0) sentences[sentence]! |= 1 << queryIndex;
    if (queryIndex === previous + 1) pairs |= 1 << queryIndex;
    if (previous >= 0 && queryIndex === previous + 2) skippedPairs |= 1 << queryIndex;
    previous = queryIndex;
  });
  let title = 0;
  for (const term of layout.titleTerms) {
    const queryIndex = questionTerms.indexOf(term);
    if (queryIndex >= 0) title |= 1 << queryIndex;
  }
  return { terms, title, nearTerms, sentences, nearSentences, synonymSentences, answers: layout.sentenceAnswers, pairs, skippedPairs, length: passageTerms.length };
}

/** Which question terms a passage's text holds as they are (bit `i` for term `i`). */
function exactTermsOf(index: CorpusIndex, passage: Passage, questionTerms: QuestionTerms): number {
  let mask = 0;
  for (const term of index.passageTerms.get(passage.id) ?? []) {
    const queryIndex = questionTerms.indexOf(term);
    if (queryIndex >= 0) mask |= 1 << queryIndex;
  }
  return mask;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The sum of the weights of the terms whose bits are set in `mask`. */
function sumWeights(mask: number, weights: readonly number[]): number {
  let total = 0;
  for (let termIndex = 0; termIndex < weights.length; termIndex += 1) if ((mask >> termIndex) & 1) total += weights[termIndex]!;
  return total;
}

function layoutOf(index: CorpusIndex, passage: Passage): PassageLayout {
  let layouts = layoutCache.get(index);
  if (layouts === undefined) {
    layouts = new Map();
    layoutCache.set(index, layouts);
  }
  let layout = layouts.get(passage.id);
  if (layout === undefined) {
    layout = readLayout(passage.text, index.articleById.get(passage.articleId)?.title ?? '');
    layouts.set(passage.id, layout);
  }
  return layout;
}

/** Reads a passage's sentences the way the index read its terms ({@link tokenizeWords} then {@link toTerm}). */
function readLayout(text: string, title: string): PassageLayout {
  const sentences = splitSentences(text);
  const sentenceStarts: number[] = [];
  const sentenceAnswers: number[] = [];
  let sentence = -1;
  let termCount = 0;
  for (const { word, start } of tokenizeWords(text)) {
    while (sentence + 1 < sentences.length && sentences[sentence + 1]!.start <= start) {
      sentence += 1;
      sentenceStarts.push(termCount);
      sentenceAnswers.push(0);
    }
    if (sentence >= 0) sentenceAnswers[sentence]! |= answerKinds(word);
    if (toTerm(word) !== null) termCount += 1;
  }
  return { sentenceStarts, sentenceAnswers, titleTerms: analyzeTerms(title) };
}

/** Whether a word, not first in its sentence, can be (part of) a name: capitalised, and not a month or weekday. */
function isName(word: string): boolean {
  return CAPITALISED.test(word) && !DATE_NAMES.has(word);
}

/** The kinds of answer a word can be: a number (`24`, `seven`, `2½`), a date (`1995`, `February`). */
function answerKinds(word: string): number {
  let kinds = 0;
  if (/^\p{N}/u.test(word) || NUMBER_WORDS.has(word.toLowerCase())) kinds |= NUMBER;
  if (YEAR_OR_DECADE.test(word) || DATE_NAMES.has(word)) kinds |= DATE;
  return kinds;
}
