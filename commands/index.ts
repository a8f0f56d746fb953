/**
 * The one list of slash commands: the router dispatches to these and the deploy script
 * registers them, so the two can never disagree.
 */
import type { SlashCommand } from '../src/discord/command.js';
import { ask } from './ask.js';
import { reload } from './reload.js';
import { source } from './source.js';
import { status } from './status.js';
import { who } from './who.js';

export const commands: readonly SlashCommand[] = [ask, who, source, status, reload];
