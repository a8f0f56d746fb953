/**
 * The local console: the bot's commands typed at a prompt, answered as text. For trying Dossier
 * without Discord; it never stops on bad input (only on /quit or end of input).
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CorpusIndex } from '../core/index.js';
import type { ArticleAdder } from '../corpus/addArticle.js';
import type { QuestionMemory } from '../questionMemory.js';
import { addFromArgument } from './addFromArgument.js';
import { renderGapsText } from './renderGaps.js';
import { articlesReply, askReply, peopleReply, sourceReply, whoReply, type Answering } from './replies.js';
import { ansiEmphasis, markdownEmphasis, renderAddText } from './renderText.js';

export const CONSOLE_HELP = `Commands:
  /ask <question>     answer from the corpus, with citations (or just type the question)
  /who <person>       who a person is, according to the corpus; /people lists them
  /source <article>   read an article (id, title or a few title words); /source alone lists them
  /add <link|file>    add an article: a web page's link, or a saved page (.html), .md, .txt or .jsonl file
  /gaps               the questions the corpus could not answer and the answers voted unhelpful
  /help               this help
  /quit               leave (or press Ctrl+D)`;

export interface ConsoleStreams {
  readonly input: Readable;
  readonly output: Writable;
  /** Use ANSI bold for matched words (for a terminal). */
  readonly color: boolean;
}

/** The corpus the console answers from: its index may change as articles are added. */
export interface ConsoleCorpus {
  readonly index: CorpusIndex;
}

/**
 * Runs the console until `/quit` or the end of input. Each line is answered on its own; an
 * unexpected error is reported on that line and the console goes on. With an adder, `/add`
 * saves an article in the corpus folder and the next line is answered with it. With a memory,
 * every question is recorded (place `console`) and `/gaps` reports them.
 */
export async function runConsole(corpus: ConsoleCorpus, streams: ConsoleStreams, adder?: ArticleAdder, memory?: QuestionMemory, answering: Answering = {}): Promise<void> {
  const lines = createInterface({ input: streams.input, output: streams.output, terminal: false, crlfDelay: Infinity });
  const write = (text: string): void => {
    streams.output.write(`${text}\n`);
  };
  const prompt = (): void => {
    streams.output.write('dossier> ');
  };
  prompt();
  for await (const line of lines) {
    try {
      const addition = /^\s*\/add(?:\s+([\s\S]*))?$/i.exec(line);
      const reply =
        addition === null
          ? await answerLine(corpus.index, line, streams.color, memory, answering)
          : adder === undefined
            ? 'Adding is not available here: the corpus is a single file, not a folder.'
            : renderAddText(await addFromArgument(adder, addition[1] ?? ''));
      if (reply === 'quit') break;
      if (reply.length > 0) write(`${reply}\n`);
    } catch (error) {
      write(`Something went wrong with that line (${error instanceof Error ? error.message : String(error)}); try another.\n`);
    }
    prompt();
  }
  lines.close();
  write('');
}

/** Wordings the console's `/gaps` lists of each kind. */
const CONSOLE_GAPS_LIMIT = 50;

/** What the console prints for one line; `'quit'` to leave. With a memory, a question is recorded (after it is answered, never awaited). */
export async function answerLine(index: CorpusIndex, line: string, color = false, memory?: QuestionMemory, answering: Answering = {}): Promise<string | 'quit'> {
  const trimmed = line.trim();
  if (trimmed.length === 0) return '';
  const [, command = '', argument = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed) ?? [undefined, 'ask', trimmed];
  switch (command.toLowerCase()) {
    case 'ask': {
      const started = performance.now();
      const reply = await askReply(index, argument, 'text', color ? ansiEmphasis : markdownEmphasis, {}, answering);
      if (reply.result !== undefined) {
        memory?.recordQuestion({ question: argument, place: 'console', result: reply.result, corpusVersion: index.version, durationMs: performance.now() - started });
      }
      return reply.output;
    }
    case 'gaps':
      if (memory === undefined) return 'Questions are not recorded here (RECORD_QUESTIONS=off).';
      try {
        return renderGapsText(await memory.gaps(0, CONSOLE_GAPS_LIMIT), null);
      } catch {
        return 'The question database cannot be read just now; try again later.';
      }
    case 'who':
      return whoReply(index, argument, 'text', color ? ansiEmphasis : markdownEmphasis).output;
    case 'source':
      return sourceReply(index, argument, 'text').output;
    case 'articles':
      return articlesReply(index, 'text').output;
    case 'people':
      return peopleReply(index, 'text').output;
    case 'help':
    case '':
      return CONSOLE_HELP;
    case 'quit':
    case 'exit':
      return 'quit';
    default:
      return `Unknown command /${command}.\n${CONSOLE_HELP}`;
  }
}
