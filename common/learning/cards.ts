// Study cards: a sentence, or a word or phrase with its sentence, in German and English with an
// optional note; and recordings of the learner reading a sentence. The model, the limits, and the
// Anki export format (pure text; the main process adds the audio files).
import type { Edition, Lang } from '../edition/model';
import { pairingOf } from '../edition/pairing';

export interface Card {
  id: string;
  documentId: string;
  /** The sentences (edition ids, reading order) the card was taken from. */
  sentenceIds: string[];
  /** The front: the German sentence, or the German word or phrase. */
  german: string;
  /** The back: the English sentence, or the meaning the learner wrote. */
  english: string;
  note: string;
  /** The whole German and English of the sentences, kept with the card (for phrase cards). */
  contextDe: string;
  contextEn: string;
  kind: 'sentence' | 'phrase';
  createdAt: string;
  updatedAt: string;
}

export interface Recording {
  id: string;
  documentId: string;
  /** The sentence read (an id of the narration language `lang`). */
  sentenceId: string;
  lang: Lang;
  mimeType: string;
  bytes: number;
  durationMs: number | null;
  createdAt: string;
}

export const CARD_LIMITS = {
  germanChars: 2000,
  englishChars: 2000,
  noteChars: 10_000,
  sentenceIds: 50,
} as const;

export const RECORDING_LIMITS = {
  /** Decoded size of one recording. */
  bytes: 10 * 1024 * 1024,
  /** Base64 of that. */
  base64Chars: Math.ceil((10 * 1024 * 1024) / 3) * 4,
  durationMs: 5 * 60 * 1000,
} as const;

/** The audio types a recording may have (MediaRecorder's, with or without codecs). */
export const RECORDING_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/wav'] as const;

export function recordingBaseType(mimeType: string): (typeof RECORDING_TYPES)[number] | null {
  const base = mimeType.split(';')[0]!.trim().toLowerCase();
  return (RECORDING_TYPES as readonly string[]).includes(base) ? (base as (typeof RECORDING_TYPES)[number]) : null;
}

export function recordingExtension(mimeType: string): string {
  const base = recordingBaseType(mimeType);
  return base === 'audio/mp4' ? 'm4a' : base === 'audio/wav' ? 'wav' : base === 'audio/ogg' ? 'ogg' : 'webm';
}

/** Whether the bytes start the way files of that type do (a renamed file is refused). */
export function matchesMagic(mimeType: string, bytes: Uint8Array): boolean {
  const base = recordingBaseType(mimeType);
  const at = (offset: number, text: string) => [...text].every((ch, i) => bytes[offset + i] === ch.charCodeAt(0));
  switch (base) {
    case 'audio/webm':
      return bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
    case 'audio/ogg':
      return at(0, 'OggS');
    case 'audio/wav':
      return at(0, 'RIFF') && at(8, 'WAVE');
    case 'audio/mp4':
      return at(4, 'ftyp');
    default:
      return false;
  }
}

/** The German and English of some sentences, as the card keeps them. */
export function cardContext(edition: Edition, sentenceIds: readonly string[]): { de: string; en: string } {
  const pairing = pairingOf(edition);
  // Reading order, whatever order the ids came in; ids the edition does not know are left out.
  const ids = [...new Set(sentenceIds)].filter((id) => pairing.indexOf(id) >= 0).sort((a, b) => pairing.indexOf(a) - pairing.indexOf(b));
  const carriers = [...new Set(ids.map((id) => pairing.carrierOf(id)))];
  return {
    de: ids.map((id) => pairing.sentence(id)!.de).join(' '),
    en: carriers.map((id) => pairing.englishOf(id)).filter(Boolean).join(' '),
  };
}

/** Cards in reading order (by their first sentence), then by when they were made. */
export function sortCards(cards: readonly Card[], edition: Edition): Card[] {
  const position = new Map(edition.sentences.map((s) => [s.id, s.index]));
  const first = (card: Card) => Math.min(...card.sentenceIds.map((id) => position.get(id) ?? Number.MAX_SAFE_INTEGER));
  return [...cards].sort((a, b) => first(a) - first(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

// ---- Anki --------------------------------------------------------------------------------------

export type CardExportFormat = 'anki-tsv' | 'csv';

export interface AnkiExportOptions {
  format: CardExportFormat;
  /** Deck name for "#deck:" (Anki uses it when a deck of that name exists). */
  deck: string;
  /** The audio file name per card id ([sound:…] goes on the front), when exported with audio. */
  audio?: ReadonlyMap<string, string>;
  /** Tags every card gets (words without spaces). */
  tags?: readonly string[];
}

/**
 * Text made safe inside an HTML element or a double-quoted attribute (&, <, >, "). Both Anki
 * exports (these cards, and the notes' CSV in main/notes/anki.ts) escape with it; each turns line
 * breaks into <br> by its own rule.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function html(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

/** One field for Anki's reader (a CSV reader with the file's separator): quoted when it must be. */
function field(value: string, separator: string): string {
  // Tabs inside a field would read as a separator in TSV even quoted by some tools: make them spaces.
  const clean = value.replace(/\t/g, ' ');
  if (clean.includes(separator) || clean.includes('"') || /[\r\n]/.test(clean) || clean.startsWith('#')) {
    return `"${clean.replace(/"/g, '""')}"`;
  }
  return clean;
}

/** A sound file name Anki accepts: letters, digits, - and _ only, ending .mp3. */
export function clipFileName(documentId: string, sentenceIds: readonly string[]): string {
  const first = sentenceIds[0] ?? 'x';
  const last = sentenceIds[sentenceIds.length - 1] ?? first;
  const span = first === last ? first : `${first}-${last}`;
  return `mitlesen-${documentId}-${span}.mp3`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The front and back of a card as Anki fields (HTML). */
export function ankiFields(card: Card, audioFile: string | null): { front: string; back: string } {
  const front = [html(card.german)];
  if (card.kind === 'phrase' && card.contextDe && card.contextDe !== card.german) {
    front.push(`<div class="mitlesen-context" lang="de">${html(card.contextDe)}</div>`);
  }
  if (audioFile) front.push(`[sound:${audioFile}]`);
  const back = [html(card.english)];
  if (card.kind === 'phrase' && card.contextEn && card.contextEn !== card.english) {
    back.push(`<div class="mitlesen-context" lang="en">${html(card.contextEn)}</div>`);
  }
  if (card.note.trim() !== '') back.push(`<div class="mitlesen-note">${html(card.note.trim())}</div>`);
  return { front: front.join('<br>'), back: back.join('<br>') };
}

/**
 * The export: Anki's header lines (read by Anki 2.1.55 and later; older versions need the
 * separator and "Allow HTML" chosen by hand), then one row per card: Front, Back, Tags, and a GUID
 * so that importing a newer export updates the cards instead of duplicating them.
 * `#separator` comes before `#columns`, whose names Anki splits with the separator; the column
 * names match the Basic note type's fields, so Anki maps them by name.
 */
export function cardsToAnki(cards: readonly Card[], options: AnkiExportOptions): string {
  const separator = options.format === 'anki-tsv' ? '\t' : ',';
  const tags = ['mitlesen', ...(options.tags ?? [])].map((t) => t.replace(/\s+/g, '_')).join(' ');
  const header = [
    `#separator:${options.format === 'anki-tsv' ? 'tab' : 'comma'}`,
    '#html:true',
    '#notetype:Basic',
    `#deck:${options.deck.replace(/[\r\n]/g, ' ')}`,
    `#columns:${['Front', 'Back', 'Tags', 'GUID'].join(separator)}`,
    '#tags column:3',
    '#guid column:4',
  ];
  const rows = cards.map((card) => {
    const { front, back } = ankiFields(card, options.audio?.get(card.id) ?? null);
    return [front, back, tags, `mitlesen-${card.id}`].map((value) => field(value, separator)).join(separator);
  });
  return `${[...header, ...rows].join('\n')}\n`;
}

/** What to tell the learner about the audio files (written beside them as README.txt). */
export function ankiMediaNote(textFile: string, count: number): string {
  return [
    'Mitlesen: study cards for Anki',
    '',
    `1. Copy the ${count} .mp3 file(s) in this folder into Anki's media folder, "collection.media":`,
    '   in Anki choose Tools > Check Media > View Files (or open it yourself: on Windows',
    '   %APPDATA%\\Anki2\\<your profile>\\collection.media, on macOS',
    '   ~/Library/Application Support/Anki2/<your profile>/collection.media, on Linux',
    '   ~/.local/share/Anki2/<your profile>/collection.media). Copy the files themselves, not the folder.',
    `2. In Anki choose File > Import and pick "${textFile}". The file tells Anki its separator, the`,
    '   note type (Basic) and the deck; check them in the import dialog (Anki uses the deck only if',
    '   one of that name exists) and import.',
    '3. Importing a newer export of the same cards updates them instead of adding them twice.',
    '',
    'Mitlesen: Lernkarten für Anki',
    '',
    `1. Kopieren Sie die ${count} .mp3-Datei(en) aus diesem Ordner in Ankis Medienordner „collection.media“`,
    '   (in Anki: Extras > Medien überprüfen > Dateien anzeigen). Die Dateien selbst, nicht den Ordner.',
    `2. Wählen Sie in Anki Datei > Importieren und dann „${textFile}“. Prüfen Sie im Dialog Notiztyp`,
    '   (Basic) und Stapel und importieren Sie.',
    '3. Ein späterer Export derselben Karten aktualisiert sie, statt sie doppelt anzulegen.',
    '',
  ].join('\n');
}
