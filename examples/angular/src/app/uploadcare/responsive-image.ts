import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ImageTransformation, srcset, type ImageSource } from 'rxuploadcare';

/**
 * An Uploadcare image at the width the page needs: an `<img>` whose `srcset` (rxuploadcare's `srcset`) has the image,
 * after `transformation`, resized to each of `widths`; the browser picks one by `sizes` and its pixel density. Only
 * URLs are computed, no request; they change only when an input does.
 */
@Component({
  selector: 'app-responsive-image',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<img [src]="src()" [attr.srcset]="srcset()" [attr.sizes]="sizes()" [alt]="alt()" loading="lazy" />`,
  // The image fills its host: the host's size (set by the parent) decides the box, `object-fit` the crop.
  styles: `
    :host { display: block; }
    img { display: block; width: 100%; height: 100%; object-fit: cover; }
  `,
})
export class ResponsiveImage {
  /** A `File`, anything with a `cdnUrl`, or a CDN URL ending in `/`. */
  readonly source = input.required<ImageSource>();
  /** The widths in pixels the `srcset` offers. */
  readonly widths = input.required<readonly number[]>();
  /** Operations before the resize to each width, e.g. `format('auto')` and `quality('smart')`. */
  readonly transformation = input(new ImageTransformation());
  /** The `sizes` attribute: how wide the image is shown, in CSS pixels. */
  readonly sizes = input.required<string>();
  readonly alt = input('');

  protected readonly srcset = computed(() => srcset(this.source(), this.widths(), this.transformation()));
  /** For a browser without `srcset`: the smallest width. */
  protected readonly src = computed(() => {
    const source = this.source();
    const cdnUrl = typeof source === 'string' ? source : source.cdnUrl;
    return `${cdnUrl}${this.transformation().resize(Math.min(...this.widths()))}`;
  });
}
