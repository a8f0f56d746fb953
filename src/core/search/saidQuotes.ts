/**
 * The re-ranking stage for questions about what someone said ({@link SaidQuestion}): the passage
 * holding a quotation attributed to the person asked about, on the question's topic, is the
 * answer, not the passage that merely names them.
 */
import { passagesOfArticle, type CorpusIndex } from '../indexing/corpusIndex.js';
import { analyzeTerms } from '../text/analysis.js';
import { findAttributedQuotes, findReportedStatements } from '../text/attribution.js';
import { splitSentences } from '../text/sentences.js';
import type { Passage, TextRange } from '../types.js';
import { termWeight } from './question.js';
import type { SaidQuestion } from './saidQuestions.js';
import { compareRanking, type Candidate, type RetrievalStage } from './stage.js';

/**
 * How much a passage holding the speaker's quotation on the topic gains: its score is multiplied
 * by 1 + this × the quotation's match (from 0 to 1; see {@link findSpeakerQuote}). Figures in
 * docs/experiments.md ("Question kinds (issue 16)").
 */
export const SAID_QUOTE_WEIGHT = 0.5;
/**
 * A quotation moves above its article's first passage only with at least this match: on the
 * topic, or of the kind asked for, not merely the speaker's (a quotation off the topic is no
 * better an answer than a paragraph reporting what they said).
 */
const MIN_PROMOTED_MATCH = 0.5;
/** A quotation attributed only by the speaker's role ("the lawyer"), not their name, counts this much. */
const ROLE_ONLY_MATCH = 0.5;
/**
 * What a quotation's match starts from (then + 0.4 × topic share + 0.2 for the verb asked for), and
 * what a statement reported without quotation marks ("…, X told reporters") starts from: lower, so
 * that the speaker's own words win unless the reported statement holds clearly more of the topic.
 */
const QUOTATION_BASE = 0.4;
const REPORTED_BASE = 0.3;

/** Verbs that describe or name rather than report speech ("described the result as…", "called him…"). */
const DESCRIBING_VERBS: ReadonlySet<string> = new Set(['described', 'describes', 'called', 'calls', 'dubbed', 'branded', 'labelled', 'labeled', 'hailed']);

/** A quotation of the speaker asked about (or a statement reported as theirs), and how well it answers. */
export interface SpeakerQuote {
  /** The quoted words in the passage's text, without the marks; for a reported statement, its sentence. */
  readonly quote: TextRange;
  /**
   * From 0 to 1: the speaker's match (1 by name, {@link ROLE_ONLY_MATCH} by role) × (0.4 for a
   * quotation, 0.3 for a statement reported without quotation marks, + 0.4 × the share of the
   * topic's weight its sentences hold + 0.2 when its verb is the kind asked for: "described … as",
   * "called" for a question asking how the speaker described or called something, any otherwise).
   */
  readonly match: number;
}

/**
 * The stage `said-quotes`: for a said-question only (`question.said`), multiplies each
 * candidate's score by 1 + {@link SAID_QUOTE_WEIGHT} × its best {@link SpeakerQuote.match} and
 * sorts again; then, within each article, the passage whose quotation matches best takes the
 * place (score and coverage) of the article's first-ranked passage when that one matches less — a news
 * lead names the speaker, the paragraph after it quotes them. Any other question passes through
 * untouched. Cost: the quotations of the candidates and of the paragraphs before them, tens of
 * microseconds each.
 */
export const saidQuotes: RetrievalStage = {
  name: 'said-quotes',
  run(candidates, question, context) {
    const said = question.said;
    if (said === undefined) return candidates;
    const scored = candidates
      .map((candidate) => {
        const match = findSpeakerQuote(context.index, said, candidate.passage)?.match ?? 0;
        return { candidate: match === 0 ? candidate : { ...candidate, score: candidate.score * (1 + SAID_QUOTE_WEIGHT * match) }, match };
      })
      .sort((a, b) => compareRanking(context.index, a.candidate, b.candidate));
    return promoteSpeakerQuotes(scored);
  },
};

/**
 * Within each article, the best-matching passage moves up to the article's first place, with its
 * score, and the coverage and matched terms of the passage it displaces when they are more (the
 * article's lead holds the question's words, the quotation the answer: Dossier answers as it would have).
 */
function promoteSpeakerQuotes<T extends Candidate>(scored: { candidate: T; match: number }[]): T[] {
  const ranked = [...scored];
  const seen = new Set<string>();
  for (let position = 0; position < ranked.length; position += 1) {
    const first = ranked[position]!;
    const articleId = first.candidate.article.id;
    if (seen.has(articleId)) continue;
    seen.add(articleId);
    let best = position;
    for (let other = position + 1; other < ranked.length; other += 1) {
      if (ranked[other]!.candidate.article.id === articleId && ranked[other]!.match > ranked[best]!.match) best = other;
    }
    if (best === position || ranked[best]!.match < MIN_PROMOTED_MATCH) continue;
    const [promoted] = ranked.splice(best, 1);
    const { candidate } = promoted!;
    // The article covers the question as its first-ranked passage did: the quotation answers it there.
    const covered = {
      score: first.candidate.score,
      coverage: Math.max(candidate.coverage, first.candidate.coverage),
      matchedQueryTerms: [...new Set([...first.candidate.matchedQueryTerms, ...candidate.matchedQueryTerms])],
      // Highlighting marks only the words a text holds, so the displaced passage's matched words can be carried.
      matchedPassageTerms: [...new Set([...first.candidate.matchedPassageTerms, ...candidate.matchedPassageTerms])],
    };
    ranked.splice(position, 0, { candidate: { ...candidate, ...covered }, match: promoted!.match });
  }
  return ranked.map(({ candidate }) => candidate);
}

/**
 * The quotation of a passage attributed to the said-question's speaker that best answers it, or
 * `null`: attributions are read with {@link findAttributedQuotes} ("he" may stand for a person
 * named earlier in the article), and statements reported without quotation marks ("…, X told
 * reporters") with {@link findReportedStatements}, which start lower; a statement is the
 * speaker's when its attribution holds one of {@link SaidQuestion.speakerTerms} (or only a role
 * noun, for less); its match grows with the share of the topic's weight in the sentences it
 * stands in. Ties go to the earlier statement.
 *
 * @example findSpeakerQuote(index, analyzeSaidQuestion('What did Dave Collins say about the job?')!, passage)?.quote
 */
export function findSpeakerQuote(index: CorpusIndex, said: SaidQuestion, passage: Passage): SpeakerQuote | null {
  const earlier = passage.position > 0 ? passagesOfArticle(index, passage.articleId).slice(0, passage.position) : [];
  const options = earlier.length === 0 ? {} : { before: earlier.map((other) => other.text).join('\n\n') };
  const statements = [
    ...findAttributedQuotes(passage.text, options).map(({ quote, speaker, verb }) => ({ quote, speaker, verb, base: QUOTATION_BASE })),
    ...findReportedStatements(passage.text, options).map(({ sentence, speaker, verb }) => ({ quote: sentence, speaker, verb, base: REPORTED_BASE })),
  ];
  if (statements.length === 0) return null;
  const topicWeights = said.topicTerms.map((term) => termWeight(index, term));
  const topicTotal = topicWeights.reduce((sum, weight) => sum + weight, 0);
  let sentences: readonly TextRange[] | undefined;
  let best: SpeakerQuote | null = null;
  for (const { quote, speaker, verb, base } of statements) {
    if (speaker === null) continue;
    const speakerTerms = new Set(analyzeTerms(speaker));
    const bySpeaker = said.speakerTerms.some((term) => speakerTerms.has(term)) ? 1 : said.roleTerms.some((term) => speakerTerms.has(term)) ? ROLE_ONLY_MATCH : 0;
    if (bySpeaker === 0) continue;
    sentences ??= splitSentences(passage.text);
    const around = sentences.filter((sentence) => sentence.end >= quote.start && sentence.start <= quote.end);
    const start = around[0]?.start ?? quote.start;
    const end = around.at(-1)?.end ?? quote.end;
    const terms = new Set(analyzeTerms(passage.text.slice(start, end)));
    const topicShare = topicTotal > 0 ? said.topicTerms.reduce((sum, term, position) => sum + (terms.has(term) ? topicWeights[position]! : 0), 0) / topicTotal : 1;
    const verbAgrees = !said.asksForDescription || DESCRIBING_VERBS.has(verb ?? '');
    const match = bySpeaker * (base + 0.4 * topicShare + (verbAgrees ? 0.2 : 0));
    if (best === null || match > best.match || (match === best.match && quote.start < best.quote.start)) best = { quote, match };
  }
  return best;
}
