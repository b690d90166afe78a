/**
 * The app's words in the reader's language: Simplified Chinese by default, English on request,
 * the choice remembered in this browser.
 */
import { readonly, ref, watchEffect } from 'vue';
import { en } from './en';
import { type Messages, zh } from './zh';

export type Locale = 'zh' | 'en';

const CATALOGS: Record<Locale, Messages> = { zh, en };
const STORAGE_KEY = 'coopatlas.locale';

/** Every dotted path to a string in the catalog: `'nav.search'`, `'review.accept'` … */
type Path<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Path<T[K]>}`;
}[keyof T & string];
export type MessageKey = Path<Messages>;

/** Catalog sections that name values coming from the data (event types, statuses …). */
type Section = {
  [K in keyof Messages]: Messages[K] extends Record<string, string> ? K : never;
}[keyof Messages];
export type LabelSection = Section;

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const current = ref<Locale>(storedLocale());

watchEffect(() => {
  document.documentElement.lang = current.value === 'zh' ? 'zh-CN' : 'en';
});

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `t('search.results', { n: 12 })` → `共找到 12 条结果` in the current language. */
function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = lookup(CATALOGS[current.value], key) ?? lookup(zh, key) ?? key;
  return fill(text, params);
}

/**
 * The name of a value from the data (`label('eventType', 'agreement')` → `协议签署`); a value
 * the catalog does not know is shown as it is.
 */
function label(section: LabelSection, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const names = CATALOGS[current.value][section] as Record<string, string>;
  return names[value] ?? value;
}

function setLocale(locale: Locale): void {
  current.value = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this visit only.
  }
}

const locale = readonly(current);

/** The current language and the functions that speak it. */
export function useI18n() {
  return { locale, t, label, setLocale };
}

export { label, t };
