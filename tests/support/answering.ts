/**
 * Asking the core a question in a test: the awaited {@link Answer}, or a thrown error when the
 * core finds no question to search (tests that expect a {@link QuestionProblem} call
 * `answerQuestion` themselves).
 */
import { answerQuestion, isQuestionProblem, type Answer, type AnswerOptions, type CorpusIndex } from '../../src/core/index.js';

/** The answer to `question` from `index`; throws when the core reports a problem with the question. */
export async function ask(index: CorpusIndex, question: string, options?: AnswerOptions): Promise<Answer> {
  const result = await answerQuestion(index, question, options);
  if (isQuestionProblem(result)) throw new Error(`expected an answer to "${question}", got the problem ${result.kind}`);
  return result;
}
