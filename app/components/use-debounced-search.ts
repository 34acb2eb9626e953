import { useEffect, useState } from "react";

/**
 * A search box typed into locally that reaches the URL after a pause, so each keystroke is not a
 * request; it follows the URL when that changes (back button, tabs).
 */
export function useDebouncedSearch(committed: string, commit: (query: string) => void, delayMs = 350) {
  const [value, setValue] = useState(committed);
  useEffect(() => setValue(committed), [committed]);
  useEffect(() => {
    if (value.trim() === committed) return;
    const timer = setTimeout(() => commit(value.trim()), delayMs);
    return () => clearTimeout(timer);
    // Only typing restarts the pause; `commit` is a fresh closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return [value, setValue] as const;
}
