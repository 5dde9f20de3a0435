// The documents the user can open (the library).
export default {
  en: {
    'library.button': 'Documents',
    'library.title': 'Documents',
    'library.empty': 'There are no documents yet.',
    'library.isOpen': 'open now',
  },
  de: {
    'library.button': 'Dokumente',
    'library.title': 'Dokumente',
    'library.empty': 'Noch keine Dokumente.',
    'library.isOpen': 'jetzt geöffnet',
  },
} as const;
