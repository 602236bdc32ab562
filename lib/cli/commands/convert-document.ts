import { defer } from 'rxjs';
import { convertDocument } from '../../convert/convert-document.js';
import type { DocumentFormat } from '../../convert/conversion-paths.js';
import type { Command } from './command.js';
import { CONVERSION_CLI_OPTIONS, conversionCliOptions, reportConversion } from './conversion-report.js';

/** `ucare convert_document PATH... --format F`: converts documents and follows the jobs with a progress bar. */
export const convertDocumentCommand: Command = {
  spec: {
    name: 'convert_document',
    summary: 'convert documents (pdf, docx, png...), with a progress bar',
    details: 'Prints "<output uuid>  <path>" per file once every job has ended; files not converted are reported and the exit\ncode is 1.',
    options: [
      { key: 'format', kind: 'string', valueName: 'FORMAT', description: 'target format: doc docx xls xlsx odt ods rtf txt pdf jpg png enhanced.jpg' },
      { key: 'page', kind: 'integer', valueName: 'N', description: 'convert this page only (from 1)' },
      { key: 'save_in_group', kind: 'flag', description: 'also save the pages of a multi-page document as a group' },
      ...CONVERSION_CLI_OPTIONS,
    ],
    positionals: [{ name: 'PATH', arity: 'many', description: 'file UUIDs or CDN URLs' }],
    examples: ['convert_document --format pdf 6c5e9526-b0fe-4739-8975-72e8d5ee6342', '--json convert_document --format png --page 1 --save_in_group 6c5e9526-b0fe-4739-8975-72e8d5ee6342'],
  },
  run: (context) =>
    defer(() => {
      const { options, positionals } = context;
      const page = options.number('page');
      const saveInGroup = options.flag('save_in_group');
      const events = convertDocument(
        positionals,
        {
          format: (options.string('format') ?? '') as DocumentFormat,
          ...(page !== undefined && { page }),
          ...(saveInGroup !== undefined && { saveInGroup }),
          ...conversionCliOptions(context),
        },
        context.client({ secret: true }),
      );
      return reportConversion(events, `${options.string('format') ?? ''} conversion`, context);
    }),
};
