import { useEffect, useState } from 'react';

/** The width below which the app is laid out as a handheld (one column); app.css uses the same breakpoint. */
const HANDHELD = '(max-width: 899px)';

/** True on a handheld-sized screen, following rotation and window resizes. */
export function useHandheldLayout(): boolean {
  const [handheld, setHandheld] = useState(() => window.matchMedia(HANDHELD).matches);
  useEffect(() => {
    const query = window.matchMedia(HANDHELD);
    const onChange = () => setHandheld(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return handheld;
}
