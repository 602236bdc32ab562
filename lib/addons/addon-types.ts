/** The add-ons of REST API v0.7 (https://uploadcare.com/docs/api/rest/add-ons/). */
export const ADDON_NAMES = ['uc_clamav_virus_scan', 'aws_rekognition_detect_labels', 'aws_rekognition_detect_moderation_labels', 'remove_bg'] as const;
export type AddonName = (typeof ADDON_NAMES)[number];

/** Parameters of remove.bg (https://uploadcare.com/docs/remove-bg/), as the API names them. */
export interface RemoveBgParams {
  readonly crop?: boolean;
  /** Margin around the cropped subject, e.g. `30px` or `10%`. */
  readonly crop_margin?: string;
  /** The subject's size relative to the image, e.g. `80%`. */
  readonly scale?: string;
  readonly add_shadow?: boolean;
  /** Classification of the foreground: none (default), coarse (`1`), finer (`2`), or the latest. */
  readonly type_level?: 'none' | '1' | '2' | 'latest';
  readonly type?: 'auto' | 'person' | 'product' | 'car';
  readonly semitransparency?: boolean;
  /** The finished image (`rgba`, default) or its alpha mask. */
  readonly channels?: 'rgba' | 'alpha';
  /** Region of interest `x1 y1 x2 y2`, in px or %. */
  readonly roi?: string;
  readonly position?: string;
}

/** Parameters of each add-on. */
export interface AddonParams {
  readonly uc_clamav_virus_scan: { readonly purge_infected?: boolean };
  readonly aws_rekognition_detect_labels: Readonly<Record<string, never>>;
  readonly aws_rekognition_detect_moderation_labels: Readonly<Record<string, never>>;
  readonly remove_bg: RemoveBgParams;
}

/** An AWS Rekognition label, as Rekognition's `DetectLabels` writes it. */
export interface RekognitionLabel {
  readonly Name: string;
  readonly Confidence: number;
  readonly Parents: readonly { readonly Name: string }[];
  readonly Instances: readonly { readonly Confidence: number; readonly BoundingBox: { readonly Height: number; readonly Left: number; readonly Top: number; readonly Width: number } }[];
}

/** An AWS Rekognition moderation label (`DetectModerationLabels`). */
export interface RekognitionModerationLabel {
  readonly Name: string;
  readonly ParentName: string;
  readonly Confidence: number;
}

/** What each add-on leaves in the file's appdata, under `data`. */
export interface AddonResults {
  readonly uc_clamav_virus_scan: { readonly infected: boolean; readonly infected_with?: string };
  readonly aws_rekognition_detect_labels: { readonly LabelModelVersion: string; readonly Labels: readonly RekognitionLabel[] };
  readonly aws_rekognition_detect_moderation_labels: { readonly ModerationModelVersion: string; readonly ModerationLabels: readonly RekognitionModerationLabel[] };
  /** `foreground_type` only with a `type_level` other than `none`. */
  readonly remove_bg: { readonly foreground_type?: string };
}

/** One add-on's entry in a file's appdata (`include=appdata`). */
export interface AddonAppData<N extends AddonName> {
  readonly version: string;
  readonly datetime_created: string;
  readonly datetime_updated: string;
  readonly data: AddonResults[N];
}

/** Add-on statuses (`GET addons/<name>/execute/status/`). */
export type AddonStatus = 'in_progress' | 'error' | 'done' | 'unknown';

/** A status answer while the add-on runs. */
export interface AddonProgressEvent {
  readonly type: 'progress';
  readonly status: AddonStatus;
}

/** The add-on is done: its appdata entry, and for remove.bg the new file's UUID. */
export interface AddonCompleteEvent<N extends AddonName> {
  readonly type: 'complete';
  readonly addon: N;
  readonly result: AddonAppData<N>;
  /** remove.bg: the UUID of the image without its background. */
  readonly fileId?: string;
}

export type AddonEvent<N extends AddonName> = AddonProgressEvent | AddonCompleteEvent<N>;
