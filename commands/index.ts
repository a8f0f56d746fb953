/**
 * The one list of commands (slash commands and message commands): the router dispatches to these
 * and the deploy script registers them, so the two can never disagree.
 */
import type { Command } from '../src/discord/command.js';
import { add } from './add.js';
import { addToDossier } from './addToDossier.js';
import { ask } from './ask.js';
import { gaps } from './gaps.js';
import { reload } from './reload.js';
import { source } from './source.js';
import { status } from './status.js';
import { who } from './who.js';

export const commands: readonly Command[] = [ask, who, source, status, reload, gaps, add, addToDossier];
