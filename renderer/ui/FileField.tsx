// A labelled file chooser that hands over the chosen files and then forgets them, so that choosing
// the same file again (after a fix to it, or a cancel) is still a change.
export function FileField({ label, accept, multiple = false, onFiles }: { label: string; accept: string; multiple?: boolean; onFiles(files: File[]): void }) {
  return (
    <label className="import-file">
      {label}
      <input
        type="file"
        multiple={multiple}
        accept={accept}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}
