import { useEffect } from 'react';
import { useI18n } from './i18n';

/** Sets the document's title for a page: "<page> · Padu — Layanan Publik". */
export function usePageTitle(title: string | null): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
