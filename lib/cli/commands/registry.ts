import { deleteCommand, storeCommand } from './batch-command.js';
import { addonCommand } from './addon.js';
import type { Command } from './command.js';
import { convertDocumentCommand } from './convert-document.js';
import { convertVideoCommand } from './convert-video.js';
import { createGroupCommand } from './create-group.js';
import { emulatorCommand } from './emulator.js';
import { getCommand } from './get.js';
import { syncCommand } from './sync.js';
import { tagsCommand } from './tags.js';
import { listFilesCommand, listGroupsCommand } from './list.js';
import { uploadFromUrlCommand } from './upload-from-url.js';
import { uploadCommand } from './upload.js';

/** Every `ucare` command, in the order `ucare --help` lists them. */
export const COMMANDS: readonly Command[] = [listFilesCommand, listGroupsCommand, getCommand, tagsCommand, storeCommand, deleteCommand, uploadCommand, uploadFromUrlCommand, createGroupCommand, convertDocumentCommand, convertVideoCommand, addonCommand, syncCommand, emulatorCommand];
