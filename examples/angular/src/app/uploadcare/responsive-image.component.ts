// A standalone Angular component: a responsive Uploadcare image, `<picture>` with AVIF and WebP sources and `srcset`.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { File as UploadcareFile, ImageTransformation, pictureSources } from '../../../lib/index.js';

@Component({
  selector: 'app-responsive-image',
  standalone: true,
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <picture>
      @for (source of picture().sources; track source.type) {
        <source [attr.type]="source.type" [attr.srcset]="source.srcset" [attr.sizes]="sizes()" />
      }
      <img [src]="picture().img.src" [attr.srcset]="picture().img.srcset" [attr.sizes]="sizes()" [alt]="alt()" loading="lazy" />
    </picture>
  `,
})
export class ResponsiveImageComponent {
  /** The image: a File (its default effects apply first). */
  readonly file = input.required<UploadcareFile>();
  readonly alt = input('');
  /** The `sizes` attribute: how wide the image is shown. */
  readonly sizes = input('(min-width: 800px) 800px, 100vw');

  /** Recomputed only when the file changes: no request, only URLs. */
  readonly picture = computed(() =>
    pictureSources(this.file(), { widths: [400, 800, 1600], transformation: new ImageTransformation().preview(1600, 1600).quality('smart') }),
  );
}
