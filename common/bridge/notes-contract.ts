// The notes and search section of the bridge contract (composed into Bridge in contract.ts).
// Owned by the notes feature; each method added here also needs a schema in notes-schemas.ts
// and a handler in main/notes/, or the build fails.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotesBridge {}

export const NOTES_METHODS = [] as const satisfies readonly (keyof NotesBridge)[];
