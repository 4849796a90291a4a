import { useCallback, useEffect, useState } from 'react';

/** Bahasa Indonesia first; English on request. */
export type Lang = 'id' | 'en';

/** One language choice per browser, shared by the officials' console and the citizens' portal. */
export const LANG_STORAGE_KEY = 'padu.lang';

export type Vars = Readonly<Record<string, string | number>>;

/** A message with its {placeholders} filled; an unknown placeholder is left as written. */
export function fillMessage(message: string, vars?: Vars): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : 'id';
  } catch {
    return 'id';
  }
}

/** The chosen language, remembered in the browser and set on <html lang>. */
export function useStoredLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);
  return [lang, setLang];
}

export function localeOf(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

/** Formats a calendar date (YYYY-MM-DD) in words: "30 Juni 2025". */
export function calendarDateFormatter(lang: Lang): (date: string) => string {
  // Calendar dates are read as UTC midnight, so format them in UTC: no day shifts.
  const dates = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' });
  return (date) => {
    const time = Date.parse(`${date}T00:00:00Z`);
    return Number.isNaN(time) ? date : dates.format(time);
  };
}
