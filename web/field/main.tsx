import 'antd/dist/reset.css';
import '../app/global.css';
import '../app/i18n/index.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { FieldProviders, fieldQueryClient } from './providers.tsx';
import { registerFieldWorker } from './register-sw.ts';
import { fieldRouter } from './router.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FieldProviders>
      <RouterProvider router={fieldRouter} />
    </FieldProviders>
  </StrictMode>,
);

registerFieldWorker(() => void fieldQueryClient.refetchQueries({ type: 'active' }));
