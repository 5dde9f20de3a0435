// The search box (renderer/search).
export default {
  en: {
    'search.label': 'Search the transcript and your notes',
    'search.placeholder': 'Search  /',
    'search.results': 'Search results',
    'search.transcriptGroup': 'Transcript ({count})',
    'search.transcriptGroupMore': 'Transcript (first {count})',
    'search.notesGroup': 'Notes ({count})',
    'search.notesGroupMore': 'Notes (first {count})',
    'search.noMatches': 'No matches.',
    'search.count': '{transcript} in the transcript, {notes} in your notes.',
    'search.field.quote': 'quote',
    'search.field.tags': 'tags',
  },
  de: {
    'search.label': 'Im Text und in den Notizen suchen',
    'search.placeholder': 'Suchen  /',
    'search.results': 'Suchergebnisse',
    'search.transcriptGroup': 'Text ({count})',
    'search.transcriptGroupMore': 'Text (erste {count})',
    'search.notesGroup': 'Notizen ({count})',
    'search.notesGroupMore': 'Notizen (erste {count})',
    'search.noMatches': 'Keine Treffer.',
    'search.count': '{transcript} im Text, {notes} in den Notizen.',
    'search.field.quote': 'Zitat',
    'search.field.tags': 'Schlagwörter',
  },
} as const;
