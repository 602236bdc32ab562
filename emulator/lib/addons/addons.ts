import type { FileRecord } from '../state/records.js';
import type { Store } from '../state/store.js';
import { addUploadedFile } from '../upload/new-file.js';
import type { AddonLabels } from './addon-labels.js';
import { cutOutPng } from './cut-out.js';
import { containsEicar, EICAR_SIGNATURE } from './eicar.js';

/** What an add-on's run needs. */
export interface AddonRun {
  readonly store: Store;
  readonly file: FileRecord;
  readonly params: Readonly<Record<string, unknown>>;
  readonly labels: AddonLabels;
}

/** What an add-on leaves: its appdata `data`, and the status answer's `result` when it made a file (remove.bg). */
export interface AddonOutcome {
  readonly data: Readonly<Record<string, unknown>>;
  readonly result?: Readonly<Record<string, string>>;
}

/** One add-on: its appdata version, the check of its `params` (a message when refused), and its work. */
export interface Addon {
  readonly version: string;
  paramsProblem(params: Readonly<Record<string, unknown>>): string | null;
  run(run: AddonRun): Promise<AddonOutcome>;
}

/** The four add-ons of REST API v0.7, by name, as the emulator runs them (docs/emulator.md). */
export const ADDONS: Readonly<Record<string, Addon>> = {
  uc_clamav_virus_scan: {
    version: '0.105.1',
    paramsProblem: (params) => (params['purge_infected'] === undefined || typeof params['purge_infected'] === 'boolean' ? null : '`purge_infected` must be a boolean.'),
    run: async ({ store, file, params }) => {
      const infected = await containsEicar(store.blobs.read(file.blobId));
      if (infected && params['purge_infected'] === true) store.updateFile(file.uuid, { datetimeRemoved: new Date() });
      return { data: infected ? { infected, infected_with: EICAR_SIGNATURE } : { infected } };
    },
  },
  aws_rekognition_detect_labels: rekognition((labels) => ({ LabelModelVersion: '2.0', Labels: labels.labels })),
  aws_rekognition_detect_moderation_labels: rekognition((labels) => ({ ModerationModelVersion: '6.0', ModerationLabels: labels.moderationLabels })),
  remove_bg: {
    version: '1.0',
    paramsProblem: removeBgParamsProblem,
    run: async ({ store, file, params }) => {
      requireImage(file);
      const blob = await store.blobs.write(once(await cutOutPng(await readAll(store, file))));
      const project = store.project(file.projectKey);
      if (!project) throw new Error(`No project ${file.projectKey}`);
      const output = await addUploadedFile(store, {
        project,
        blob,
        filename: `${file.filename.replace(/\.[^.]*$/, '')}.png`,
        contentType: 'image/png',
        store: 'auto',
        metadata: {},
        tags: [],
        source: null,
      });
      const level = params['type_level'] ?? 'none';
      const type = typeof params['type'] === 'string' && params['type'] !== 'auto' ? params['type'] : 'other';
      return { data: level === 'none' ? {} : { foreground_type: type }, result: { file_id: output.uuid } };
    },
  },
};

/** A Rekognition add-on: no params, an image target, the labels in force as `data`. */
function rekognition(dataOf: (labels: AddonLabels) => Readonly<Record<string, unknown>>): Addon {
  return {
    version: '2016-06-27',
    paramsProblem: () => null,
    run: ({ file, labels }) => {
      requireImage(file);
      return Promise.resolve({ data: dataOf(labels) });
    },
  };
}

const REMOVE_BG_CHOICES: Readonly<Record<string, readonly unknown[]>> = {
  crop: [true, false],
  add_shadow: [true, false],
  semitransparency: [true, false],
  type_level: ['none', '1', '2', 'latest'],
  type: ['auto', 'person', 'product', 'car'],
  channels: ['rgba', 'alpha'],
};
const REMOVE_BG_TEXT = ['crop_margin', 'scale', 'roi', 'position'];

function removeBgParamsProblem(params: Readonly<Record<string, unknown>>): string | null {
  for (const [name, value] of Object.entries(params)) {
    const choices = REMOVE_BG_CHOICES[name];
    if (choices && !choices.includes(value)) return `\`${name}\` must be one of ${choices.map(String).join(', ')}.`;
    if (!choices && !REMOVE_BG_TEXT.includes(name)) return `Unknown parameter \`${name}\`.`;
    if (!choices && typeof value !== 'string') return `\`${name}\` must be a string.`;
  }
  return null;
}

function requireImage(file: FileRecord): NonNullable<FileRecord['imageInfo']> {
  if (!file.imageInfo) throw new Error('File is not an image.');
  return file.imageInfo;
}

async function readAll(store: Store, file: FileRecord): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of store.blobs.read(file.blobId) as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
