/** Numbers, amounts, sizes, dates and statement values as people read them. */
import { label, useI18n } from './i18n';

const { locale } = useI18n();

function numberFormat(maximumFractionDigits = 2): Intl.NumberFormat {
  return new Intl.NumberFormat(locale.value === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits });
}

/** 1.2e10 → `120 亿元` (zh) or `¥12 bn` (en). */
export function formatYuan(yuan: number): string {
  const n = numberFormat();
  const abs = Math.abs(yuan);
  if (locale.value === 'zh') {
    if (abs >= 1e8) return `${n.format(yuan / 1e8)} 亿元`;
    if (abs >= 1e4) return `${n.format(yuan / 1e4)} 万元`;
    return `${n.format(yuan)} 元`;
  }
  if (abs >= 1e9) return `¥${n.format(yuan / 1e9)} bn`;
  if (abs >= 1e6) return `¥${n.format(yuan / 1e6)} m`;
  return `¥${n.format(yuan)}`;
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

export function formatBytes(bytes: number): string {
  const n = numberFormat(1);
  if (bytes >= 1024 * 1024) return `${n.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${n.format(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** An ISO date or timestamp at the precision it has: `2020`, `2020-06`, `2020-06-15`, `2020-06-15 09:30`. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return `${match[1]} ${match[2]}`;
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A statement's value in words. Values are what the extractor or a person recorded: text,
 * numbers, amounts (`{ value, currency, qualifier }`), counts (`{ value, unit }`), references
 * to entities (`{ name }`) — anything else is shown as compact JSON.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) return value.map(formatValue).join('、');
  if (isRecord(value)) {
    const qualifier = typeof value.qualifier === 'string' ? label('qualifier', value.qualifier) : '';
    if (typeof value.value === 'number' && (value.currency === 'CNY' || value.currency === undefined)) {
      if (typeof value.unit === 'string') return `${qualifier}${formatNumber(value.value)}${value.unit}`;
      if (value.currency === 'CNY') return `${qualifier}${formatYuan(value.value)}`;
    }
    if (typeof value.value === 'number' && typeof value.currency === 'string') {
      return `${qualifier}${formatNumber(value.value)} ${value.currency}`;
    }
    if (typeof value.text === 'string') return value.text;
    if (typeof value.name === 'string') return value.name;
    if (typeof value.value === 'string') return value.value;
  }
  return JSON.stringify(value);
}
