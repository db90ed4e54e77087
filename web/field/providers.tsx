import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, rememberCsrfToken, whenSessionLost } from '../app/api.ts';
import { asLanguage } from '../app/language.ts';
import { ME_KEY } from '../app/session.ts';
import { THEME } from '../app/theme.ts';
import { forgetCachedAnswers } from './offline-cache.ts';

/**
 * The field app's own client. Queries run even when the phone says it is offline
 * (`offlineFirst`): the service worker answers them from its cache, so a page opened or reloaded
 * at a dead spot shows what was last seen instead of waiting for a network. Writes always run:
 * the outbox (web/field/sync) decides what waits for the network.
 */
export const fieldQueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'offlineFirst',
      // A 4xx will not change on retry; only network and server faults get a second try.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { networkMode: 'always' },
  },
});

// An expired or revoked session shows the login form in place of the page (see FieldSession); the
// answers kept for offline use were that session's, so they go too.
whenSessionLost(() => {
  rememberCsrfToken(null);
  fieldQueryClient.setQueryData(ME_KEY, null);
  void forgetCachedAnswers();
});

export function FieldProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={asLanguage(i18n.language) === 'en' ? enUS : zhCN} theme={THEME}>
      <App>
        <QueryClientProvider client={fieldQueryClient}>{children}</QueryClientProvider>
      </App>
    </ConfigProvider>
  );
}
