import { useI18n } from '../i18n';
import { ApiError } from './client';

/** What went wrong, for people, in the current language. */
export function errorText(error: unknown): string {
  const { locale, t } = useI18n();
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('errors.network');
    if (error.code === 'ABORTED') return t('upload.cancelled');
    const text = locale.value === 'en' ? (error.messageEn ?? error.message) : error.message;
    return text || t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '—' });
}
