import { deleteCommand, storeCommand } from './batch-command.js';
import type { Command } from './command.js';
import { getCommand } from './get.js';

/** Every `ucare` command, in the order `ucare --help` lists them. */
export const COMMANDS: readonly Command[] = [getCommand, storeCommand, deleteCommand];
