/** One AWS Rekognition label (`DetectLabels`), as the add-on stores it in appdata. */
export interface RekognitionLabel {
  readonly Name: string;
  readonly Confidence: number;
  readonly Parents: readonly { readonly Name: string }[];
  readonly Instances: readonly unknown[];
}

/** One AWS Rekognition moderation label (`DetectModerationLabels`). */
export interface ModerationLabel {
  readonly Name: string;
  readonly ParentName: string;
  readonly Confidence: number;
}

/** What the emulator's Rekognition add-ons answer: set through the control API, else these defaults. */
export interface AddonLabels {
  readonly labels: readonly RekognitionLabel[];
  readonly moderationLabels: readonly ModerationLabel[];
}

/** The defaults: the REST API reference's example labels, and no moderation label (a harmless image). */
export const DEFAULT_ADDON_LABELS: AddonLabels = Object.freeze({
  labels: [
    { Name: 'Home Decor', Confidence: 93.41645812988281, Parents: [], Instances: [] },
    { Name: 'Linen', Confidence: 70.75951385498047, Parents: [{ Name: 'Home Decor' }], Instances: [] },
    { Name: 'Sunlight', Confidence: 64.7123794555664, Parents: [], Instances: [] },
  ],
  moderationLabels: [],
});

/** The Rekognition labels in force (control API `PUT /__emulator/addons/labels`, or `emulator.addonLabels`). */
export class AddonLabelSettings {
  current: AddonLabels = DEFAULT_ADDON_LABELS;

  set(labels: Partial<AddonLabels>): void {
    this.current = { ...this.current, ...labels };
  }

  reset(): void {
    this.current = DEFAULT_ADDON_LABELS;
  }
}

/** Reads `{ labels?, moderationLabels? }` of the control API; null when it is not that shape. */
export function parseAddonLabels(data: unknown): Partial<AddonLabels> | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { labels, moderationLabels, ...rest } = data as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  const named = (list: unknown, fields: readonly string[]): boolean =>
    Array.isArray(list) && list.every((label) => typeof label === 'object' && label !== null && fields.every((field) => field in label));
  if (labels !== undefined && !named(labels, ['Name', 'Confidence'])) return null;
  if (moderationLabels !== undefined && !named(moderationLabels, ['Name', 'Confidence'])) return null;
  return {
    ...(labels !== undefined && { labels: (labels as (Pick<RekognitionLabel, 'Name' | 'Confidence'> & Partial<RekognitionLabel>)[]).map((label): RekognitionLabel => ({ Parents: [], Instances: [], ...label })) }),
    ...(moderationLabels !== undefined && { moderationLabels: (moderationLabels as (Pick<ModerationLabel, 'Name' | 'Confidence'> & Partial<ModerationLabel>)[]).map((label): ModerationLabel => ({ ParentName: '', ...label })) }),
  };
}
