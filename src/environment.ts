/**
 * Reading the process environment: `.env` first (quietly: dotenv 17 prints a banner otherwise),
 * then validation. Entry points call this; nothing else reads `process.env`.
 */
import dotenv from 'dotenv';
import { describeConfigProblems, loadConfig, type Config } from './config.js';

/** Loads `.env` (if any) into the environment and validates it; exits with status 2, naming every bad key, when invalid. */
export function readConfigOrExit(overrides: Partial<Record<string, string>> = {}): Config {
  dotenv.config({ quiet: true });
  const result = loadConfig({ ...process.env, ...overrides });
  if (result.ok) return result.config;
  process.stderr.write(`${describeConfigProblems(result.problems)}\n`);
  process.exit(2);
}
