// Whether animations and smooth scrolling are off now: the "reduce motion" setting, or the system's
// wish when the setting follows the system (renderer/theme/appearance.tsx writes html[data-motion]).
export function motionReduced(): boolean {
  if (typeof document === 'undefined') return false;
  const motion = document.documentElement.dataset.motion;
  if (motion) return motion === 'reduce';
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
