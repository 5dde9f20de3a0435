// Runtime schemas for the exchange calls (see exchange-contract.ts).
import { z } from 'zod';
import { DOCUMENT_EXPORT_FORMATS, EXPORT_FILE_NAME, type ExchangeBridge } from './exchange-contract';
import { documentId, lang } from './ids';

export const EXCHANGE_SCHEMAS = {
  exportDocument: z
    .object({
      documentId,
      format: z.enum(DOCUMENT_EXPORT_FORMATS, { error: `the format is one of ${DOCUMENT_EXPORT_FORMATS.join(', ')}` }),
      language: lang.optional(),
    })
    .strict(),
  readExportFile: z.object({ fileName: z.string().regex(EXPORT_FILE_NAME, 'not the name of an exported file') }).strict(),
} satisfies Record<keyof ExchangeBridge, z.ZodType>;
