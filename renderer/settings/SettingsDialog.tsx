// The settings view: a modal dialog (the header's Settings button, or Ctrl+,). Every control applies
// its change at once and saves it; "Reset all settings" asks first. Custom highlight colours show
// their contrast against the page and are refused below 3:1, with the reason in words.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { bestTextOn, contrastRatio, formatRatio, isHexColor } from '../../common/a11y/contrast';
import { SETTING_CHOICES } from '../../common/settings';
import { checkHighlightColor, type Palette } from '../../common/a11y/themes';
import { resolveUiLanguage, useT, useUiLanguage, type MessageKey } from '../i18n';
import { useAppearance } from '../theme/appearance';
import { useModalDialog } from '../ui/use-modal-dialog';
import { useSettings } from './settings-context';
import '../ui/dialog.css';
import '../ui/notice.css';
import './settings.css';

const LINE_SPACINGS = [1.4, 1.6, 2, 2.5] as const;

export function SettingsDialog({ open, onClose, extra }: { open: boolean; onClose(): void; extra?: ReactNode }) {
  const t = useT();
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, (dialog) =>
    dialog.querySelector<HTMLElement>('.settings-header button'),
  );
  const { saveError } = useSettings();

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog settings-dialog"
      aria-labelledby="settings-title"
      aria-describedby="settings-intro"
      onClose={handleClose}
    >
      <div className="dialog-header settings-header">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <button type="button" onClick={close}>
          {t('settings.close')}
        </button>
      </div>
      <p id="settings-intro" className="help-text">
        {t('settings.appliesAtOnce')}
      </p>
      {saveError && (
        <p className="settings-error" role="alert">
          {t('settings.saveFailed', { message: saveError })}
        </p>
      )}
      {open && <SettingsForm extra={extra} />}
    </dialog>
  );
}

function SettingsForm({ extra }: { extra?: ReactNode }) {
  const t = useT();
  const uiLang = useUiLanguage();
  const { settings, update } = useSettings();
  const appearance = useAppearance();
  const ids = useId();
  const systemTheme = appearance.systemThemeId;
  const systemLanguage = resolveUiLanguage('system', navigator.language);
  const formRef = useRef<HTMLDivElement>(null);

  // A larger text, wider lines or another font move everything: keep the control in use in view
  // (after the new sizes are applied to the page, which happens in the provider's own effect).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && formRef.current?.contains(focused)) focused.scrollIntoView({ block: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [settings.fontScale, settings.lineSpacing, settings.font]);

  return (
    <div className="settings-form" ref={formRef}>
      <section aria-labelledby={`${ids}-language`}>
        <h3 id={`${ids}-language`}>{t('settings.section.language')}</h3>
        <RadioGroup
          legend={t('settings.uiLanguage')}
          name={`${ids}-ui-language`}
          value={settings.uiLanguage}
          options={SETTING_CHOICES.uiLanguage.map((value) => ({
            value,
            label: value === 'system' ? t('settings.uiLanguage.system', { language: t(`settings.uiLanguage.${systemLanguage}`) }) : t(`settings.uiLanguage.${value}`),
            lang: value === 'system' ? undefined : value,
          }))}
          onChange={(uiLanguage) => update({ uiLanguage })}
        />
      </section>

      <section aria-labelledby={`${ids}-appearance`}>
        <h3 id={`${ids}-appearance`}>{t('settings.section.appearance')}</h3>
        <RadioGroup
          legend={t('settings.theme')}
          name={`${ids}-theme`}
          value={settings.theme}
          options={SETTING_CHOICES.theme.map((value) => ({
            value,
            label: value === 'system' ? t('settings.theme.system', { theme: t(`settings.theme.${systemTheme}`) }) : t(`settings.theme.${value}`),
          }))}
          onChange={(theme) => update({ theme })}
        />
        {appearance.forcedColors && <p className="help-text">{t('settings.theme.forcedColors')}</p>}
        <RadioGroup
          legend={t('settings.highlightStyle')}
          name={`${ids}-highlight`}
          value={settings.highlightStyle}
          options={SETTING_CHOICES.highlightStyle.map((value) => ({ value, label: t(`settings.highlightStyle.${value}`) }))}
          onChange={(highlightStyle) => update({ highlightStyle })}
        />
        <ColorSetting
          label={t('settings.wordColor')}
          kind="word"
          value={settings.wordHighlightColor}
          palette={appearance.palette}
          onChange={(wordHighlightColor) => update({ wordHighlightColor })}
        />
        <ColorSetting
          label={t('settings.sentenceColor')}
          kind="sentence"
          value={settings.sentenceHighlightColor}
          palette={appearance.palette}
          onChange={(sentenceHighlightColor) => update({ sentenceHighlightColor })}
        />
      </section>

      <section aria-labelledby={`${ids}-text`}>
        <h3 id={`${ids}-text`}>{t('settings.section.text')}</h3>
        <div className="settings-field">
          <label htmlFor={`${ids}-scale`}>{t('settings.fontScale')}</label>
          <input
            id={`${ids}-scale`}
            type="range"
            min={1}
            max={3}
            step={0.25}
            value={settings.fontScale}
            aria-valuetext={t('settings.fontScaleValue', { percent: Math.round(settings.fontScale * 100) })}
            aria-describedby={`${ids}-scale-help`}
            onChange={(event) => update({ fontScale: Number(event.target.value) })}
          />
          <output htmlFor={`${ids}-scale`} data-testid="font-scale">
            {t('settings.fontScaleValue', { percent: Math.round(settings.fontScale * 100) })}
          </output>
          <p id={`${ids}-scale-help`} className="help-text">
            {t('settings.fontScaleHelp')}
          </p>
        </div>
        <div className="settings-field">
          <label htmlFor={`${ids}-spacing`}>{t('settings.lineSpacing')}</label>
          <select id={`${ids}-spacing`} value={String(settings.lineSpacing)} onChange={(event) => update({ lineSpacing: Number(event.target.value) })}>
            {(LINE_SPACINGS.includes(settings.lineSpacing as (typeof LINE_SPACINGS)[number]) ? LINE_SPACINGS : [...LINE_SPACINGS, settings.lineSpacing]).map((value) => (
              <option key={value} value={String(value)}>
                {`${LINE_SPACINGS.includes(value as (typeof LINE_SPACINGS)[number]) ? t(`settings.lineSpacing.${value}` as MessageKey) : t('settings.lineSpacing.option', { value })} (${value.toLocaleString(uiLang)})`}
              </option>
            ))}
          </select>
        </div>
        <RadioGroup
          legend={t('settings.font')}
          name={`${ids}-font`}
          value={settings.font}
          options={SETTING_CHOICES.font.map((value) => ({ value, label: t(`settings.font.${value}`) }))}
          onChange={(font) => update({ font })}
        />
      </section>

      <section aria-labelledby={`${ids}-motion`}>
        <h3 id={`${ids}-motion`}>{t('settings.section.motion')}</h3>
        <RadioGroup
          legend={t('settings.reducedMotion')}
          name={`${ids}-motion-choice`}
          value={settings.reducedMotion}
          options={SETTING_CHOICES.reducedMotion.map((value) => ({
            value,
            label:
              value === 'system'
                ? t('settings.reducedMotion.system', { state: t(window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'settings.state.on' : 'settings.state.off') })
                : t(`settings.reducedMotion.${value}`),
          }))}
          onChange={(reducedMotion) => update({ reducedMotion })}
        />
      </section>

      <section aria-labelledby={`${ids}-sr`}>
        <h3 id={`${ids}-sr`}>{t('settings.section.screenReader')}</h3>
        <div className="settings-check">
          <input
            id={`${ids}-announce`}
            type="checkbox"
            checked={settings.announceSentences}
            aria-describedby={`${ids}-announce-help`}
            onChange={(event) => update({ announceSentences: event.target.checked })}
          />
          <label htmlFor={`${ids}-announce`}>{t('settings.announceSentences')}</label>
        </div>
        <p id={`${ids}-announce-help`} className="help-text">
          {t('settings.announceSentencesHelp')}
        </p>
      </section>

      <section aria-labelledby={`${ids}-layout`}>
        <h3 id={`${ids}-layout`}>{t('settings.section.layout')}</h3>
        <RadioGroup
          legend={t('settings.layout')}
          name={`${ids}-layout-choice`}
          value={settings.layout}
          options={SETTING_CHOICES.layout.map((value) => ({ value, label: t(`layout.${value}`) }))}
          onChange={(layout) => update({ layout })}
        />
      </section>

      {extra}

      <ResetSection />
    </div>
  );
}

interface RadioOption<V extends string> {
  value: V;
  label: string;
  lang?: string | undefined;
}

function RadioGroup<V extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: V; options: RadioOption<V>[]; onChange(value: V): void }) {
  return (
    <fieldset className="settings-radios">
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className="settings-check">
            <input id={id} type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <label htmlFor={id} lang={option.lang}>
              {option.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A highlight colour: the theme's, or the user's own, checked for contrast before it is used. */
function ColorSetting({ label, kind, value, palette, onChange }: { label: string; kind: 'word' | 'sentence'; value: string | null; palette: Palette; onChange(value: string | null): void }) {
  const t = useT();
  const id = useId();
  const themeColor = kind === 'word' ? palette.wordBg : palette.sentenceColor;
  const [own, setOwn] = useState(value !== null);
  const [draft, setDraft] = useState(value ?? themeColor);
  useEffect(() => {
    setOwn(value !== null);
    if (value !== null) setDraft(value);
  }, [value]);

  const valid = isHexColor(draft) && draft.length === 7;
  const check = valid ? checkHighlightColor(palette, draft) : null;

  const choose = (next: string) => {
    setDraft(next);
    if (isHexColor(next) && next.length === 7 && checkHighlightColor(palette, next).usable) onChange(next.toLowerCase());
  };

  let status: string;
  if (!own) status = t('settings.colorThemeDefault');
  else if (!valid || !check) status = t('settings.colorInvalid');
  else if (!check.usable) status = t('settings.colorTooFaint', { ratio: formatRatio(check.ratio), direction: t(check.darkerThanPage ? 'settings.colorDirection.darker' : 'settings.colorDirection.lighter') });
  else if (kind === 'word') status = t('settings.colorContrastWithText', { ratio: formatRatio(check.ratio), textRatio: formatRatio(contrastRatio(bestTextOn(draft), draft)) });
  else status = t('settings.colorContrast', { ratio: formatRatio(check.ratio) });
  const refused = own && (!valid || (check !== null && !check.usable));

  return (
    <fieldset className="settings-color">
      <legend>{label}</legend>
      <div className="settings-check">
        <input
          id={`${id}-own`}
          type="checkbox"
          checked={own}
          onChange={(event) => {
            setOwn(event.target.checked);
            if (!event.target.checked) {
              onChange(null);
              setDraft(themeColor);
            }
          }}
        />
        <label htmlFor={`${id}-own`}>{t('settings.ownColor')}</label>
      </div>
      {own && (
        <div className="settings-color-inputs">
          <input type="color" aria-label={t('settings.colorPicker')} value={valid ? draft.toLowerCase() : themeColor} aria-describedby={`${id}-status`} onChange={(event) => choose(event.target.value)} />
          <label htmlFor={`${id}-hex`}>{t('settings.colorValue')}</label>
          <input
            id={`${id}-hex`}
            type="text"
            size={8}
            spellCheck={false}
            value={draft}
            aria-invalid={refused}
            aria-describedby={`${id}-status`}
            onChange={(event) => choose(event.target.value.trim())}
          />
          <span className="settings-swatch" aria-hidden="true" style={{ background: valid ? draft : 'transparent' }} />
        </div>
      )}
      <p id={`${id}-status`} className={refused ? 'settings-error' : 'help-text'} aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}

function ResetSection() {
  const t = useT();
  const { reset } = useSettings();
  const confirmRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [done, setDone] = useState(false);
  const ids = useId();

  return (
    <section aria-labelledby={`${ids}-reset`}>
      <h3 id={`${ids}-reset`}>{t('settings.section.reset')}</h3>
      <p id={`${ids}-reset-help`} className="help-text">
        {t('settings.resetHelp')}
      </p>
      <button
        ref={openerRef}
        type="button"
        aria-describedby={`${ids}-reset-help`}
        onClick={() => {
          setDone(false);
          confirmRef.current?.showModal();
          confirmRef.current?.querySelector<HTMLElement>('[data-cancel]')?.focus();
        }}
      >
        {t('settings.reset')}
      </button>
      <p className="help-text" role="status">
        {done ? t('settings.resetDone') : ''}
      </p>
      <dialog ref={confirmRef} className="modal-dialog confirm-dialog" role="alertdialog" aria-labelledby={`${ids}-confirm-title`} aria-describedby={`${ids}-confirm-body`} onClose={(event) => event.target === event.currentTarget && openerRef.current?.focus()}>
        <h2 id={`${ids}-confirm-title`}>{t('settings.resetConfirmTitle')}</h2>
        <p id={`${ids}-confirm-body`}>{t('settings.resetConfirmBody')}</p>
        <div className="notice-actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              void reset().then(() => setDone(true));
              confirmRef.current?.close();
            }}
          >
            {t('settings.resetConfirm')}
          </button>
          <button type="button" data-cancel onClick={() => confirmRef.current?.close()}>
            {t('settings.resetCancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
