// Runnable example of docs/addons.md (spec/addons/docs-examples.spec.ts runs it against the emulator).
// In an application, import from 'rxuploadcare' instead of the library's sources.
import { filter, lastValueFrom, map } from 'rxjs';
import { executeAddon, type AddonCompleteEvent, type AddonName, type Uploadcare } from '../../../lib/index.js';

const isComplete = <N extends AddonName>(event: { readonly type: string }): event is AddonCompleteEvent<N> => event.type === 'complete';

/** Scans an upload for viruses, deleting it when infected; true when it was clean. */
export async function scanUpload(uc: Uploadcare, uuid: string): Promise<boolean> {
  const scan = executeAddon('uc_clamav_virus_scan', uuid, { purge_infected: true }, {}, uc);
  const done = await lastValueFrom(scan.pipe(filter(isComplete<'uc_clamav_virus_scan'>)));
  return !done.result.data.infected;
}

/** The names of the labels AWS Rekognition finds in an image, most confident first. */
export async function labelsOf(uc: Uploadcare, uuid: string): Promise<string[]> {
  return lastValueFrom(
    executeAddon('aws_rekognition_detect_labels', uuid, undefined, {}, uc).pipe(
      filter(isComplete<'aws_rekognition_detect_labels'>),
      map(({ result }) => [...result.data.Labels].sort((a, b) => b.Confidence - a.Confidence).map((label) => label.Name)),
    ),
  );
}

/** Removes an image's background; returns the UUID of the new PNG. */
export async function cutOut(uc: Uploadcare, uuid: string): Promise<string> {
  const done = await lastValueFrom(executeAddon('remove_bg', uuid, { crop: true, type_level: '1' }, {}, uc).pipe(filter(isComplete<'remove_bg'>)));
  return done.fileId!;
}
