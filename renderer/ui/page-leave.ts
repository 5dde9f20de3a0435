// "Save what is pending now": when the page is hidden (the window minimised, the tab switched, the
// app about to close) or left. Returns the unsubscribe.
export function onPageLeave(save: () => void): () => void {
  const onHidden = () => document.visibilityState === 'hidden' && save();
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    window.removeEventListener('pagehide', save);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
