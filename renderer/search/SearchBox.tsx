// One box searches the transcript (German and English) and the notes: results as you type, grouped,
// the hits marked; arrow keys move through them, Enter jumps there and plays, Escape closes and
// gives the focus back. `/` or Ctrl+F focuses it (the 'search' command). Any input is safe: the main
// process never passes it to SQLite as syntax.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { NoteHit, SearchResult, TranscriptHit } from '../../common/notes/model';
import { formatTime } from '../../common/notes/model';
import { useBackend } from '../bridge/backend-context';
import { runCommand, useCommand } from '../shell/shortcuts';
import { usePlayer } from '../player/player-context';
import { playNote } from '../notes/use-notes';
import { useT, type Translate } from '../i18n';
import { Highlighted } from './Highlighted';
import './search.css';

const LIMIT = 30;

type Option = { kind: 'transcript'; hit: TranscriptHit } | { kind: 'note'; hit: NoteHit };

function optionsOf(result: SearchResult | null): Option[] {
  if (!result) return [];
  return [
    ...result.transcript.map((hit) => ({ kind: 'transcript' as const, hit })),
    ...result.notes.map((hit) => ({ kind: 'note' as const, hit })),
  ];
}

function countText(result: SearchResult, t: Translate): string {
  const inTranscript = `${result.transcript.length}${result.moreTranscript ? '+' : ''}`;
  const inNotes = `${result.notes.length}${result.moreNotes ? '+' : ''}`;
  if (result.transcript.length === 0 && result.notes.length === 0) return t('search.noMatches');
  return t('search.count', { transcript: inTranscript, notes: inNotes });
}

export function SearchBox() {
  const t = useT();
  const { api } = useBackend();
  const player = usePlayer();
  const inputId = useId();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef('');
  const inFlight = useRef(false);
  const queued = useRef<string | null>(null);

  useCommand('search', () => {
    const input = inputRef.current;
    if (!input) return;
    if (document.activeElement !== input && document.activeElement instanceof HTMLElement) returnFocusTo.current = document.activeElement;
    input.focus();
    input.select();
    if (input.value.trim() !== '') setOpen(true);
  });

  // One request at a time; the newest query typed meanwhile goes next (older ones are skipped).
  const request = (text: string) => {
    if (inFlight.current) {
      queued.current = text;
      return;
    }
    inFlight.current = true;
    api
      .search({ documentId: player.documentId, query: text, limit: LIMIT })
      .then(
        (answer) => {
          if (latest.current.trim() === '') return;
          setResult(answer);
          setError(answer.problem);
          setActive((index) => (answer.query === text && index < optionsOf(answer).length ? index : -1));
        },
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      )
      .finally(() => {
        inFlight.current = false;
        const next = queued.current;
        queued.current = null;
        if (next !== null && next !== text) request(next);
      });
  };

  const onChange = (text: string) => {
    setQuery(text);
    latest.current = text;
    setActive(-1);
    if (text.trim() === '') {
      setResult(null);
      setOpen(false);
      return;
    }
    setOpen(true);
    request(text);
  };

  // Tell screen readers how many results, once typing pauses (not on every key).
  useEffect(() => {
    if (!result || !open) return;
    const timer = setTimeout(() => setAnnouncement(countText(result, t)), 700);
    return () => clearTimeout(timer);
  }, [result, open]);

  const options = optionsOf(open ? result : null);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const close = (giveFocusBack: boolean) => {
    setOpen(false);
    setActive(-1);
    if (giveFocusBack) {
      const target = returnFocusTo.current;
      returnFocusTo.current = null;
      if (target && target.isConnected && target !== inputRef.current) target.focus();
      else document.getElementById('main')?.focus();
    }
  };

  const choose = (option: Option) => {
    if (option.kind === 'transcript') player.playFromSentence(option.hit.sentenceId);
    else playNote(player, { time: option.hit.time, sentenceIds: [option.hit.sentenceId] });
    // Coming from the transcript, the focus goes to the place chosen, not back to the sentence
    // left behind (which the view no longer shows).
    const cameFromTranscript = returnFocusTo.current?.closest('.transcript') !== null && returnFocusTo.current !== null;
    close(!cameFromTranscript);
    if (cameFromTranscript) {
      returnFocusTo.current = null;
      if (!runCommand('focusTranscript')) document.getElementById('main')?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + options.length + (index === -1 && step === -1 ? 1 : 0)) % options.length);
    } else if (event.key === 'Home' && active >= 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && active >= 0) {
      event.preventDefault();
      setActive(options.length - 1);
    } else if (event.key === 'Enter') {
      const option = options[active >= 0 ? active : 0];
      if (!option) return;
      event.preventDefault();
      choose(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    }
  };

  // Keep the active option in view.
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const transcriptOptions = options.filter((o) => o.kind === 'transcript');
  const noteOptions = options.filter((o) => o.kind === 'note');

  const renderOption = (option: Option, index: number) => (
    <div
      key={optionId(index)}
      id={optionId(index)}
      role="option"
      aria-selected={index === active}
      className="search-option"
      onMouseDown={(event) => event.preventDefault()}
      onMouseEnter={() => setActive(index)}
      onClick={() => choose(option)}
    >
      {option.kind === 'transcript' ? (
        <>
          <span className="search-meta">{option.hit.lang.toUpperCase()}</span>
          <span lang={option.hit.lang}>
            <Highlighted text={option.hit.text} ranges={option.hit.ranges} />
          </span>
        </>
      ) : (
        <>
          <span className="search-meta">{formatTime(option.hit.time)}</span>
          <span>
            {option.hit.snippet.cutStart && '…'}
            <Highlighted text={option.hit.snippet.text} ranges={option.hit.snippet.ranges} />
            {option.hit.snippet.cutEnd && '…'}
            {option.hit.field !== 'text' && <span className="search-meta"> ({t(option.hit.field === 'quote' ? 'search.field.quote' : 'search.field.tags')})</span>}
          </span>
        </>
      )}
    </div>
  );

  return (
    <div className="search" role="search">
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="search-input"
        type="search"
        role="combobox"
        aria-expanded={open && result !== null}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && open ? optionId(active) : undefined}
        aria-keyshortcuts="/ Control+F"
        autoComplete="off"
        spellCheck={false}
        maxLength={10_000}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => query.trim() !== '' && result && setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <div className="search-results" hidden={!open || result === null} data-query={result?.query}>
        <div id={listId} role="listbox" aria-label={t('search.results')} hidden={options.length === 0}>
          {transcriptOptions.length > 0 && (
            <div role="group" aria-labelledby={`${listId}-transcript`}>
              <div id={`${listId}-transcript`} role="presentation" className="search-group-title">
                {t(result?.moreTranscript ? 'search.transcriptGroupMore' : 'search.transcriptGroup', { count: transcriptOptions.length })}
              </div>
              {transcriptOptions.map((option, i) => renderOption(option, i))}
            </div>
          )}
          {noteOptions.length > 0 && (
            <div role="group" aria-labelledby={`${listId}-notes`}>
              <div id={`${listId}-notes`} role="presentation" className="search-group-title">
                {t(result?.moreNotes ? 'search.notesGroupMore' : 'search.notesGroup', { count: noteOptions.length })}
              </div>
              {noteOptions.map((option, i) => renderOption(option, transcriptOptions.length + i))}
            </div>
          )}
        </div>
        {result && options.length === 0 && <p className="search-empty">{t('search.noMatches')}</p>}
        {error && (
          <p className="search-empty" role="alert">
            {error}
          </p>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
