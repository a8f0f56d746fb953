import { fileURLToPath } from 'node:url';
import { DiscordAPIError, InteractionType, MessageFlags, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../commands/ask.js';
import { source } from '../../commands/source.js';
import type { CorpusIndex } from '../../src/core/index.js';
import { openCorpus } from '../../src/corpus/openCorpus.js';
import type { SlashCommand } from '../../src/discord/command.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { InteractionRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { commandContext } from '../support/commandContext.js';

const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmZha2UtaW50ZXJhY3Rpb24tdG9rZW4';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A logger writing pino's JSON lines to memory. */
function memoryLogger() {
  const lines: LogLine[] = [];
  const log = createLogger({ level: 'debug', pretty: false, destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } });
  return { log, lines };
}

interface Call {
  readonly method: 'deferReply' | 'reply' | 'editReply' | 'followUp' | 'deleteReply' | 'update';
  readonly payload?: { content?: string; flags?: number; embeds?: unknown[] };
}

/**
 * A slash command interaction with just what the router and the commands use; each response
 * method records its call and behaves as discord.js does (`deferred`, `replied`, `ephemeral`).
 */
function slashCommand(commandName: string, options: Record<string, string | boolean>, failures: Partial<Record<Call['method'], unknown>> = {}) {
  const calls: Call[] = [];
  const record = (method: Call['method']) => async (payload?: Call['payload']) => {
    calls.push(payload === undefined ? { method } : { method, payload });
    if (failures[method] !== undefined) throw failures[method];
    if (method === 'deferReply') {
      interaction.deferred = true;
      interaction.ephemeral = ((payload?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    }
    if (method === 'reply' || method === 'editReply') interaction.replied = true;
  };
  const interaction = {
    id: '1140000000000000001',
    token: INTERACTION_TOKEN,
    type: InteractionType.ApplicationCommand,
    commandName,
    user: { id: '300000000000000001' },
    deferred: false,
    replied: false,
    ephemeral: null as boolean | null,
    options: {
      getString: (name: string) => (typeof options[name] === 'string' ? options[name] : null),
      getBoolean: (name: string) => (typeof options[name] === 'boolean' ? options[name] : null),
      getInteger: () => null,
    },
    isChatInputCommand: () => true,
    isAutocomplete: () => false,
    isButton: () => false,
    isMessageComponent: () => false,
    isRepliable: () => true,
    deferReply: record('deferReply'),
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    deleteReply: record('deleteReply'),
  };
  return { interaction: interaction as unknown as Interaction, calls };
}

function discordError(code: number, status: number): DiscordAPIError {
  return new DiscordAPIError(
    { code, message: code === RESTJSONErrorCodes.UnknownInteraction ? 'Unknown interaction' : 'Interaction has already been acknowledged.' },
    code,
    status,
    'POST',
    `/interactions/1140000000000000001/${INTERACTION_TOKEN}/callback`,
    {
      body: undefined,
      files: undefined,
    },
  );
}

/** A deferred promise: a handler can wait on it, the test decides when it resolves. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

let index: CorpusIndex;

beforeAll(async () => {
  index = (await openCorpus(CORPUS_DIR)).index;
});

function routerWith(commands: readonly SlashCommand[]) {
  const { log, lines } = memoryLogger();
  const router = new InteractionRouter({ commands, context: commandContext(index), log, cooldown: new Cooldown() });
  return { router, lines };
}

/** `/ask` whose handler fails as a bug would. */
const failingAsk: SlashCommand = {
  ...ask,
  execute: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'passages')");
  },
};

describe('InteractionRouter', () => {
  it('answers /ask by deferring, then editing the reply with the answer', async () => {
    const { router } = routerWith([ask]);
    const { interaction, calls } = slashCommand('ask', { question: 'Who replaced Brian Hook?' });
    await router.handle(interaction);
    expect(calls.map((call) => call.method)).toEqual(['deferReply', 'editReply']);
    expect(JSON.stringify(calls[1]?.payload?.embeds)).toContain('Elliott Abrams');
  });

  it('answers /ask with a bad after by saying what it expected, logging no error', async () => {
    const { router, lines } = routerWith([ask]);
    const { interaction, calls } = slashCommand('ask', { question: 'Who replaced Brian Hook?', after: 'last summer' });
    await router.handle(interaction);
    expect(JSON.stringify(calls.at(-1)?.payload)).toContain('after: expected a year, YYYY-MM or YYYY-MM-DD, got \\"last summer\\".');
    expect(lines.some((line) => line.level >= 50)).toBe(false);
  });

  it('answers /ask with a period by naming it in the footer', async () => {
    const { router } = routerWith([ask]);
    const { interaction, calls } = slashCommand('ask', { question: 'What did Lavrov say about Iran?', after: '2022', before: '2023' });
    await router.handle(interaction);
    expect(JSON.stringify(calls.at(-1)?.payload?.embeds)).toContain('Preferring articles from 2022-01-01 to before 2023-01-01');
  });

  describe('when Discord no longer accepts the response', () => {
    it.each([
      ['10062 Unknown interaction', RESTJSONErrorCodes.UnknownInteraction, 404],
      ['40060 Interaction has already been acknowledged', RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, 400],
    ])('logs a warning with the code %s, sends nothing more and does not throw', async (_name, code, status) => {
      const { router, lines } = routerWith([ask]);
      const { interaction, calls } = slashCommand('ask', { question: 'Who replaced Brian Hook?' }, { deferReply: discordError(code, status) });

      await expect(router.handle(interaction)).resolves.toBeUndefined();

      expect(calls.map((call) => call.method)).toEqual(['deferReply']);
      const warning = lines.find((line) => line.level === 40);
      expect(warning).toMatchObject({ code, kind: '/ask', interactionId: '1140000000000000001', msg: 'interaction could not be answered' });
      expect(lines.some((line) => line.level >= 50)).toBe(false);
    });
  });

  describe('when a handler fails unexpectedly', () => {
    it('logs the error at error level with an error id', async () => {
      const { router, lines } = routerWith([failingAsk]);
      const { interaction } = slashCommand('ask', { question: 'Who replaced Brian Hook?' });
      await router.handle(interaction);
      const error = lines.find((line) => line.level === 50);
      expect(error).toMatchObject({ msg: 'interaction failed', kind: '/ask', err: { type: 'TypeError', message: "Cannot read properties of undefined (reading 'passages')" } });
      expect(error?.['errorId']).toMatch(/^[0-9a-f]{8}$/);
    });

    it('tells the user once, privately, with the error id and no stack trace', async () => {
      const { router, lines } = routerWith([failingAsk]);
      const { interaction, calls } = slashCommand('ask', { question: 'Who replaced Brian Hook?', hide: true });
      await router.handle(interaction);
      const errorId = String(lines.find((line) => line.level === 50)?.['errorId']);
      const messages = calls.filter((call) => call.method !== 'deferReply' && call.method !== 'deleteReply');
      expect(messages).toHaveLength(1);
      const content = messages[0]?.payload?.content ?? '';
      expect(content).toContain(`\`${errorId}\``);
      expect(content).not.toContain('TypeError');
      expect(content).not.toContain('passages');
      expect(content).not.toMatch(/\n\s+at /);
      expect((messages[0]?.payload?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    });

    it('removes a public "thinking…" before telling the user privately', async () => {
      // Discord turns the first follow-up after a deferral into the deferred message itself, keeping
      // its visibility: without the deletion the error would be shown to the whole channel.
      // https://github.com/discord/discord-api-docs/pull/3466
      const { router } = routerWith([failingAsk]);
      const { interaction, calls } = slashCommand('ask', { question: 'Who replaced Brian Hook?' });
      await router.handle(interaction);
      expect(calls.map((call) => call.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
      expect((calls[2]?.payload?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    });

    it('keeps an ephemeral "thinking…" and answers in it', async () => {
      const { router } = routerWith([failingAsk]);
      const { interaction, calls } = slashCommand('ask', { question: 'Who replaced Brian Hook?', hide: true });
      await router.handle(interaction);
      expect(calls.map((call) => call.method)).toEqual(['deferReply', 'followUp']);
    });

    it('does not throw when the error message cannot be delivered either', async () => {
      const { router, lines } = routerWith([failingAsk]);
      const { interaction } = slashCommand('ask', { question: 'Who replaced Brian Hook?', hide: true }, { followUp: new Error('socket hang up') });
      await expect(router.handle(interaction)).resolves.toBeUndefined();
      expect(lines.find((line) => line.msg === 'could not report the error to the user')?.level).toBe(40);
    });
  });

  describe('drain', () => {
    it('ignores interactions that arrive once draining has started', async () => {
      let executed = 0;
      const counting: SlashCommand = {
        ...source,
        execute: (...args) => {
          executed += 1;
          return source.execute(...args);
        },
      };
      const { router, lines } = routerWith([counting]);
      await router.drain(1_000);
      const { interaction, calls } = slashCommand('source', { article: 'russia-iran-deepening-relationship' });
      await router.handle(interaction);
      expect(executed).toBe(0);
      expect(calls).toEqual([]);
      expect(lines.some((line) => line.msg === 'shutting down: interaction ignored' && line['interactionId'] === '1140000000000000001')).toBe(true);
    });

    it('waits for a reply in flight before it resolves', async () => {
      const slow = gate();
      const waiting: SlashCommand = {
        ...source,
        execute: async (...args) => {
          await slow.opened;
          return source.execute(...args);
        },
      };
      const { router } = routerWith([waiting]);
      const { interaction, calls } = slashCommand('source', { article: 'russia-iran-deepening-relationship' });
      const handled = router.handle(interaction);
      await new Promise((resolve) => setTimeout(resolve, 10));

      let drained: { unfinished: number } | undefined;
      const draining = router.drain(5_000).then((result) => (drained = result));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(drained).toBeUndefined();

      slow.open();
      await draining;
      await handled;
      expect(drained).toEqual({ unfinished: 0 });
      expect(calls.map((call) => call.method)).toEqual(['deferReply', 'editReply']);
    });

    it('stops waiting after the timeout and reports the interactions still in flight', async () => {
      const never = gate();
      const stuck: SlashCommand = {
        ...source,
        execute: async (...args) => {
          await never.opened;
          return source.execute(...args);
        },
      };
      const { router } = routerWith([stuck]);
      const { interaction } = slashCommand('source', { article: 'russia-iran-deepening-relationship' });
      const handled = router.handle(interaction);
      const started = performance.now();
      await expect(router.drain(50)).resolves.toEqual({ unfinished: 1 });
      expect(performance.now() - started).toBeLessThan(2_000);
      never.open();
      await handled;
    });
  });
});
