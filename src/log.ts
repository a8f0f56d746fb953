/**
 * Logging: pino JSON lines on standard error (or pretty, when asked). Secrets are redacted by
 * path, so a token, an interaction token or a request body never reaches a log line.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/** Paths pino replaces with "[redacted]", wherever a caller puts them. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'body',
  '*.body',
  'requestBody',
  '*.requestBody',
  'rawError.errors',
  // A failed request's URL: an interaction token is part of webhook and callback routes.
  'err.url',
  '*.err.url',
] as const;

const CENSOR = '[redacted]';

/** Replaces a secret; of a URL, only the interaction token, so that the route is still logged. */
function censor(value: unknown, path: string[]): unknown {
  if (path.at(-1) !== 'url' || typeof value !== 'string') return CENSOR;
  return value.replace(/\/(webhooks|interactions)\/(\d+)\/[^/?#]+/g, `/$1/$2/${CENSOR}`);
}

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly pretty: boolean;
  /** Where lines go; standard error by default (standard output is the console's). */
  readonly destination?: DestinationStream;
}

/** Creates the application logger. Pretty output uses pino-pretty when it is installed. */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, redact: { paths: [...REDACTED_PATHS], censor }, base: { app: 'dossier' } };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2 } } });
  return pino(base, pino.destination({ dest: 2, sync: true }));
}
