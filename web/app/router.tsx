import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { SetupPage } from '../features/auth/SetupPage.tsx';
import { Allowed, RequireSession, SetupGate } from './gates.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage, StartPage } from './pages.tsx';

// Each desk page is its own chunk, so the login page does not wait for the tables and trees.
const RegionsPage = lazy(() => import('../features/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx').then((m) => ({ default: m.UnitsPage })));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));

export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <StartPage /> },
              {
                path: 'regions',
                element: (
                  <Allowed permission="regions.read">
                    <RegionsPage />
                  </Allowed>
                ),
              },
              {
                path: 'units',
                element: (
                  <Allowed permission="units.read">
                    <UnitsPage />
                  </Allowed>
                ),
              },
              {
                path: 'accounts',
                element: (
                  <Allowed permission="accounts.read">
                    <AccountsPage />
                  </Allowed>
                ),
              },
              {
                path: 'audit',
                element: (
                  <Allowed permission="audit.read">
                    <AuditPage />
                  </Allowed>
                ),
              },
              { path: 'password', element: <ChangePasswordPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
