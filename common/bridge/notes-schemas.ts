// Runtime schemas for the notes and search calls (see notes-contract.ts).
import type { z } from 'zod';
import type { NotesBridge } from './notes-contract';

export const NOTES_SCHEMAS = {} satisfies Record<keyof NotesBridge, z.ZodType>;
