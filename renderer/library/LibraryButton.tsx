// The header's way to the library. Shown once there is another document to open: a header with one
// document has no use for it, and on a small window every button costs the transcript room.
import { useT } from '../i18n';

export interface LibraryEntryPoint {
  /** How many documents the library holds. */
  count: number;
  show(): void;
}

export function LibraryButton({ library }: { library: LibraryEntryPoint }) {
  const t = useT();
  if (library.count < 2) return null;
  return (
    <button type="button" className="library-button" onClick={library.show}>
      {t('library.button')}
    </button>
  );
}
