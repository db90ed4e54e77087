import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, rememberCsrfToken, whenSessionLost } from './api.ts';
import { asLanguage } from './language.ts';
import { ME_KEY } from './session.ts';
import { THEME } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; only network and server faults get a second try.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// An expired or revoked session on any request sends the user back to the login page.
whenSessionLost(() => {
  rememberCsrfToken(null);
  queryClient.setQueryData(ME_KEY, null);
});

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={asLanguage(i18n.language) === 'en' ? enUS : zhCN} theme={THEME}>
      <App>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </App>
    </ConfigProvider>
  );
}
