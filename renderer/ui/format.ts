// Times as people read them: 75.4 → "1:15", 3725 → "1:02:05".
import { translate, getUiLanguage, type Translate } from '../i18n';

export function formatTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The same, spelled out for a screen reader in the UI language: "1 minute 15 seconds" / "1 Minute 15 Sekunden". */
export function speakTime(seconds: number, t: Translate = (key, params) => translate(getUiLanguage(), key, params)): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(t('time.hours', { count: h }));
  if (m > 0) parts.push(t('time.minutes', { count: m }));
  if (s > 0 || parts.length === 0) parts.push(t('time.seconds', { count: s }));
  return parts.join(' ');
}

/** A speed, in the UI language's number style: "1.5×" / "1,5×". */
export function formatRate(rate: number): string {
  return `${rate.toLocaleString(getUiLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}×`;
}
