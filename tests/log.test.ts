import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

/** Secrets shaped like the real ones, so that a leak into a line is unmistakable. */
const BOT_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gx1y2z.log-test-bot-token-secret';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTE0MDAwMDAwMDAwMDAwMDAwMTpsb2ctdGVzdC1zZWNyZXQ';
const REQUEST_SECRET = 'request-body-with-the-answer-to-a-hidden-question';

function memoryLogger() {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', pretty: false, destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines };
}

/** A failed edit of an interaction's reply, as @discordjs/rest throws it: the URL carries the interaction token. */
function failedEdit(): DiscordAPIError {
  return new DiscordAPIError(
    {
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      message: 'Invalid Form Body',
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    },
    RESTJSONErrorCodes.InvalidFormBodyOrContentType,
    400,
    'PATCH',
    `https://discord.com/api/v10/webhooks/1140000000000000000/${INTERACTION_TOKEN}/messages/@original`,
    { body: { content: REQUEST_SECRET, allowed_mentions: { parse: [] } }, files: undefined },
  );
}

describe('createLogger', () => {
  it('writes one JSON line per entry, with the level and the app name', () => {
    const { log, lines } = memoryLogger();
    log.info({ guilds: 1 }, 'connected to Discord');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, app: 'dossier', guilds: 1, msg: 'connected to Discord' });
  });

  it('drops entries below the level it was given', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', pretty: false, destination: { write: (line: string) => void lines.push(line) } });
    log.info('connected to Discord');
    log.warn('gateway disconnected');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['gateway disconnected']);
  });

  it.each([
    ['a token', { token: BOT_TOKEN }, BOT_TOKEN],
    ['a discordToken', { discordToken: BOT_TOKEN }, BOT_TOKEN],
    ["an interaction's token", { interaction: { id: '1140000000000000001', token: INTERACTION_TOKEN } }, INTERACTION_TOKEN],
    ['an authorization header', { headers: { authorization: `Bot ${BOT_TOKEN}` } }, BOT_TOKEN],
    ["a request's authorization header", { request: { headers: { authorization: `Bot ${BOT_TOKEN}` } } }, BOT_TOKEN],
    ['an authorization', { authorization: `Bot ${BOT_TOKEN}` }, BOT_TOKEN],
    ['a body', { body: { content: REQUEST_SECRET } }, REQUEST_SECRET],
    ["a request's body", { request: { body: REQUEST_SECRET } }, REQUEST_SECRET],
    ['a requestBody', { requestBody: { json: { content: REQUEST_SECRET } } }, REQUEST_SECRET],
  ])('never prints %s', (_name, fields, secret) => {
    const { log, lines } = memoryLogger();
    log.warn(fields, 'request failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(secret);
    expect(lines[0]).toContain('[redacted]');
  });

  it("never prints a failed request's body or the interaction token in its URL", () => {
    const { log, lines } = memoryLogger();
    log.error({ err: failedEdit(), errorId: '3f2a9c1d' }, 'interaction failed');
    const [line] = lines;
    expect(line).not.toContain(REQUEST_SECRET);
    expect(line).not.toContain(INTERACTION_TOKEN);
    expect(line).toContain('[redacted]');
  });

  it('keeps what a failed request needs for diagnosis: type, code, status, method and route', () => {
    const { log, lines } = memoryLogger();
    log.error({ err: failedEdit() }, 'interaction failed');
    const { err } = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(err).toMatchObject({ type: 'DiscordAPIError', code: 50035, status: 400, method: 'PATCH' });
    expect(err['message']).toContain('Must be 2000 or fewer in length.');
    expect(err['url']).toBe('https://discord.com/api/v10/webhooks/1140000000000000000/[redacted]/messages/@original');
  });

  it('hides the interaction token in the URL of a failed interaction callback', () => {
    const { log, lines } = memoryLogger();
    const error = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      `https://discord.com/api/v10/interactions/1140000000000000001/${INTERACTION_TOKEN}/callback?with_response=false`,
      {
        body: undefined,
        files: undefined,
      },
    );
    log.warn({ err: error }, 'could not report the error to the user');
    expect(lines[0]).not.toContain(INTERACTION_TOKEN);
    expect((JSON.parse(lines[0]!) as { err: { url: string } }).err.url).toBe(
      'https://discord.com/api/v10/interactions/1140000000000000001/[redacted]/callback?with_response=false',
    );
  });
});
