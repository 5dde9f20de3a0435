// The waveform, drawn by wavesurfer.js from precomputed peaks. wavesurfer only draws here: it gets
// a media element of its own that never plays and never gets a source, so it can neither decode
// the narration nor keep a clock; the player's audio clock sets its cursor, and clicks or drags on
// it are reported back as seek requests.
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/plugins/regions';
import TimelinePlugin from 'wavesurfer.js/plugins/timeline';
import { formatTime } from '../ui/format';

export interface WaveformMark {
  time: number;
  label: string;
}

export interface WaveformViewOptions {
  container: HTMLElement;
  /** Per bucket the largest absolute sample value, 0..1. */
  peaks: readonly number[];
  duration: number;
  chapters: readonly WaveformMark[];
  marks?: readonly WaveformMark[];
  /** The theme's colours (common/a11y/themes.ts: each checked for 3:1 against the player's background). */
  colors?: WaveformColors;
  onSeek(time: number): void;
}

export interface WaveformColors {
  wave: string;
  progress: string;
  cursor: string;
  chapterMark: string;
  noteMark: string;
}

const CHAPTER_COLOR = 'rgba(176, 84, 0, 0.9)';
const MARK_COLOR = 'rgba(0, 110, 60, 0.9)';

export class WaveformView {
  private readonly surfer: WaveSurfer;
  private readonly regions = RegionsPlugin.create();
  private markRegions: { remove(): void }[] = [];
  private lastPixel = -1;
  private readonly resize: ResizeObserver;
  private readonly duration: number;

  constructor(private readonly options: WaveformViewOptions) {
    this.duration = options.duration;
    this.surfer = WaveSurfer.create({
      container: options.container,
      // A silent stand-in: wavesurfer must never own the element that plays.
      media: document.createElement('audio'),
      peaks: [Float32Array.from(options.peaks)],
      duration: options.duration,
      height: 56,
      waveColor: options.colors?.wave ?? '#737e8a',
      progressColor: options.colors?.progress ?? '#174f8f',
      cursorColor: options.colors?.cursor ?? '#0b2545',
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      normalize: true,
      interact: true,
      dragToSeek: true,
      autoScroll: false,
      plugins: [
        TimelinePlugin.create({
          height: 16,
          formatTimeCallback: (seconds) => formatTime(seconds),
          // Full opacity: faded labels would fail the contrast every reader needs.
          secondaryLabelOpacity: 1,
          style: { fontSize: '0.7rem', color: 'var(--text-muted)' },
        }),
        this.regions,
      ],
    });
    this.surfer.on('interaction', (time) => options.onSeek(time));
    this.regions.on('region-clicked', (region, event) => {
      event.stopPropagation();
      options.onSeek(region.start);
    });
    this.surfer.once('ready', () => {
      options.chapters.forEach((chapter, i) => {
        const next = options.chapters[i + 1]?.time ?? options.duration;
        this.addMarker(chapter, options.colors?.chapterMark ?? CHAPTER_COLOR, 'chapter-marker', (next - chapter.time) / options.duration);
      });
      this.setMarks(options.marks ?? []);
    });
    // Chapter titles size themselves from the width (custom properties reach into wavesurfer's shadow DOM).
    this.resize = new ResizeObserver(() => options.container.style.setProperty('--waveform-width', `${options.container.clientWidth}px`));
    this.resize.observe(options.container);
  }

  /** Moves the cursor; redraws only when it moves by at least a pixel. */
  setTime(time: number): void {
    const width = this.options.container.clientWidth || 1;
    const pixel = Math.round((time / this.duration) * width);
    if (pixel === this.lastPixel) return;
    this.lastPixel = pixel;
    this.surfer.setTime(time);
  }

  setMarks(marks: readonly WaveformMark[]): void {
    for (const region of this.markRegions) region.remove();
    this.markRegions = marks.map((mark) => this.addMarker(mark, this.options.colors?.noteMark ?? MARK_COLOR, 'note-marker'));
  }

  destroy(): void {
    this.resize.disconnect();
    this.surfer.destroy();
  }

  private addMarker(mark: WaveformMark, color: string, kind: string, widthShare?: number): { remove(): void } {
    const content = document.createElement('span');
    content.textContent = widthShare === undefined ? '•' : mark.label;
    content.title = `${mark.label} (${formatTime(mark.time)})`;
    content.className = kind;
    Object.assign(content.style, {
      display: 'inline-block',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      fontSize: '0.7rem',
      lineHeight: '1.3',
      padding: '0 3px',
      color: 'var(--text)',
      background: 'var(--surface)',
      borderRadius: '2px',
      // A chapter's title may use the room up to the next chapter and no more, so titles never overlap.
      maxWidth: widthShare === undefined ? 'none' : `max(1.4em, calc(${widthShare} * var(--waveform-width, 800px) - 6px))`,
    } satisfies Partial<CSSStyleDeclaration>);
    return this.regions.addRegion({ start: mark.time, content, color, drag: false, resize: false });
  }
}
