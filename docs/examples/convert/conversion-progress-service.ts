// The Angular service of docs/conversions.md without its decorator, so that it runs here without Angular installed
// (spec/convert/docs-examples.spec.ts). In an app, add `@Injectable({ providedIn: 'root' })` and inject `Uploadcare`.
import { map, type Observable } from 'rxjs';
import { convertDocument, type ConversionEvent, type Uploadcare } from '../../../lib/index.js';

/** What a template binds to: the job's status and how many files are done, then the output's UUID or the error. */
export interface ConversionState {
  readonly status: string;
  readonly percent: number;
  readonly output: string | null;
  readonly error: string | null;
}

export class ConversionService {
  constructor(private readonly uc: Uploadcare) {}

  /** Converts documents to PDF; unsubscribing (the async pipe, leaving the page) stops the status polling. */
  toPdf(uuids: readonly string[]): Observable<ConversionState> {
    return convertDocument(uuids, { format: 'pdf' }, this.uc).pipe(map((event: ConversionEvent) => stateOf(event)));
  }
}

function stateOf(event: ConversionEvent): ConversionState {
  if (event.type === 'progress') return { status: event.status, percent: Math.round((100 * event.done) / event.total), output: null, error: null };
  const [first] = event.results;
  return first?.ok ? { status: 'finished', percent: 100, output: first.uuid, error: null } : { status: 'failed', percent: 100, output: null, error: first?.error.message ?? null };
}
