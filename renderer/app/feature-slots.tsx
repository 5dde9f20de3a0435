// Mount points for features that live in their own folders (notes: renderer/notes/, search:
// renderer/search/). To mount them, import and fill in the four values below; nothing else in the
// shell needs to change.
import type { ReactNode } from 'react';
import { CardsButton } from '../cards/CardsView';
import { ExportButton } from '../exchange/ExportDialog';
import { LearningControls } from '../learning/LearningControls';
import type { MessageKey } from '../i18n';
import { NotesPanel } from '../notes/NotesPanel';
import { useNoteDecorations, useNoteMarks } from '../notes/use-notes';
import { SearchBox } from '../search/SearchBox';
import { TimingCheckButton } from '../timing-check/TimingCheck';
import type { SentenceDecorations } from '../transcript/TranscriptView';
import type { WaveformMark } from '../waveform/Waveform';

/** Shown in the header's toolbar, before the layout and help controls (e.g. `<SearchBox />`). */
export const toolbarContent: ReactNode = (
  <>
    <SearchBox />
    <CardsButton />
    <ExportButton />
    <TimingCheckButton />
  </>
);

/** Shown with the player's controls, as a row of its own (the learning bar). */
export const playerContent: ReactNode = <LearningControls />;

/** Shown in a side panel to the right of the transcript (e.g. `<NotesPanel />`). */
export const sidebarContent: ReactNode = <NotesPanel />;
/** The side panel's accessible name (a message, shown in the UI language). */
export const sidebarLabel: MessageKey = 'notes.panelLabel';

/** Small labelled buttons beside sentences (e.g. note counts); a hook, called inside the player. */
export function useSentenceDecorations(): SentenceDecorations | undefined {
  return useNoteDecorations();
}

/** Marks on the waveform (e.g. where notes are); a hook, called inside the player. */
export function useWaveformMarks(): readonly WaveformMark[] | undefined {
  return useNoteMarks();
}
