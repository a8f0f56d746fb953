/**
 * Dossier's core: corpus parsing, normalising, chunking, analysis, index, retrieval, answers.
 * Pure: it reads no files, no environment, logs nothing and knows nothing of Discord.
 */
export * from './types.js';
export { normalizeText, normalizeForMatching, normalizeUserText } from './normalize.js';
export { tokenizeWords, toTerm, analyze, analyzeTerms, type WordToken, type TermToken } from './analysis.js';
export { splitSentences } from './sentences.js';
export { chunkArticle, type ChunkOptions } from './chunk.js';
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
} from './parseCorpus.js';
export { compareCorpora, isUnchanged, keepPreviousVersions, type CorpusChanges, type MergedCorpus } from './corpusChanges.js';
export { findNearDuplicates, type DuplicateGroup, type NearDuplicateOptions } from './nearDuplicates.js';
export { buildCorpusIndex, hashCorpus, FIELD_BOOSTS, type CorpusIndex } from './corpusIndex.js';
export { updateCorpusIndex, type CorpusIndexChange } from './updateCorpusIndex.js';
export { serializeCorpusIndex, restoreCorpusIndex, restoreCorpusIndexInSlices, INDEX_SNAPSHOT_FORMAT, INDEX_SNAPSHOT_SECTIONS, type IndexSnapshot } from './indexSnapshot.js';
export { analyzeQuery, retrievePassages, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, type AnalyzedQuery, type PassageHit } from './retrieve.js';
export {
  answerQuestion,
  isQuestionProblem,
  findHighlights,
  DEFAULT_CITATION_COUNT,
  MIN_ANSWER_COVERAGE,
  MIN_PARAPHRASE_COVERAGE,
  MIN_SPECIFIC_MATCHES,
  type Answer,
  type AnswerOptions,
  type Citation,
  type Quote,
  type QuestionProblem,
} from './answer.js';
export { findArticle, suggestArticles, paginateArticle, DEFAULT_PAGE_LENGTH, type ArticleLookup, type ArticleMatch } from './articles.js';
export { buildPeopleDirectory, latestRole, roleBefore, roleAfter, type PeopleDirectory, type Person, type PersonMention, type PersonRole } from './people/directory.js';
export { findPerson, suggestPeople, type PersonLookup, type PersonMatch } from './people/findPerson.js';
export { extractPeople, type PersonSpan } from './people/extractPeople.js';
export { nameTokens, foldName, compatibleNames, sameNameWord } from './people/nameMatching.js';
export { canonicalUrl } from './canonicalUrl.js';
export { renderArticleMarkdown, articleFileName, type ArticleContent } from './articleFile.js';
export { extractArticle, MIN_ARTICLE_WORDS, type ExtractedArticle, type ExtractionResult } from './extract/extractArticle.js';
export { decodeHtml } from './extract/decodeHtml.js';
