// The header's way to the library: the user's documents, and importing new ones.
import { useT } from '../i18n';

export interface LibraryEntryPoint {
  show(): void;
}

export function LibraryButton({ library }: { library: LibraryEntryPoint }) {
  const t = useT();
  return (
    <button type="button" className="library-button" onClick={library.show}>
      {t('library.button')}
    </button>
  );
}
