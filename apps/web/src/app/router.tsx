import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/ui/status-message';
import { Layout } from './layout';
import { RequireAuth } from './require-auth';
import { HomeRoute } from './routes/home-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';

// Pages with a map load Leaflet on demand: the town list and login stay light on cheap phones.
function RouteLoading() {
  const { t } = useTranslation();
  return <StatusMessage>{t('common.loading')}</StatusMessage>;
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown while the first page's lazy code arrives.
    HydrateFallback: RouteLoading,
    children: [
      { path: '/', element: <HomeRoute /> },
      {
        path: '/t/:slug',
        lazy: async () => ({ Component: (await import('./routes/town-route')).TownRoute }),
      },
      {
        path: '/t/:slug/initiatives',
        lazy: async () => ({
          Component: (await import('./routes/initiatives-route')).InitiativesRoute,
        }),
      },
      {
        // Charts (uPlot) and the activity map load with this page only.
        path: '/t/:slug/impact',
        lazy: async () => ({ Component: (await import('./routes/impact-route')).ImpactRoute }),
      },
      {
        path: '/t/:slug/open-data',
        lazy: async () => ({ Component: (await import('./routes/open-data-route')).OpenDataRoute }),
      },
      {
        path: '/t/:slug/posts',
        lazy: async () => ({
          Component: (await import('./routes/town-posts-route')).TownPostsRoute,
        }),
      },
      {
        path: '/t/:slug/posts/:id',
        lazy: async () => ({ Component: (await import('./routes/post-route')).PostRoute }),
      },
      {
        path: '/signup',
        lazy: async () => ({ Component: (await import('./routes/signup-route')).SignupRoute }),
      },
      { path: '/login', element: <LoginRoute /> },
      {
        path: '/goodbye',
        lazy: async () => ({ Component: (await import('./routes/goodbye-route')).GoodbyeRoute }),
      },
      {
        path: '/forgot-password',
        lazy: async () => ({
          Component: (await import('./routes/forgot-password-route')).ForgotPasswordRoute,
        }),
      },
      {
        path: '/reset-password',
        lazy: async () => ({
          Component: (await import('./routes/reset-password-route')).ResetPasswordRoute,
        }),
      },
      {
        path: '/confirm-email',
        lazy: async () => ({
          Component: (await import('./routes/confirm-email-route')).ConfirmEmailRoute,
        }),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: '/t/:slug/library',
            lazy: async () => ({
              Component: (await import('./routes/library-route')).LibraryRoute,
            }),
          },
          {
            path: '/staff/desk/:organisationId',
            lazy: async () => ({ Component: (await import('./routes/desk-route')).DeskRoute }),
          },
          {
            path: '/staff/assisted',
            lazy: async () => ({
              Component: (await import('./routes/assisted-route')).AssistedRoute,
            }),
          },
          {
            path: '/listings',
            lazy: async () => ({
              Component: (await import('./routes/listings-route')).ListingsRoute,
            }),
          },
          {
            path: '/listings/new',
            lazy: async () => ({
              Component: (await import('./routes/new-listing-route')).NewListingRoute,
            }),
          },
          {
            path: '/listings/:id',
            lazy: async () => ({
              Component: (await import('./routes/listing-route')).ListingRoute,
            }),
          },
          {
            path: '/listings/:id/edit',
            lazy: async () => ({
              Component: (await import('./routes/edit-listing-route')).EditListingRoute,
            }),
          },
          {
            path: '/exchanges',
            lazy: async () => ({
              Component: (await import('./routes/exchanges-route')).ExchangesRoute,
            }),
          },
          {
            path: '/exchanges/:id',
            lazy: async () => ({
              Component: (await import('./routes/exchange-route')).ExchangeRoute,
            }),
          },
          {
            path: '/exchanges/:id/review',
            lazy: async () => ({
              Component: (await import('./routes/review-route')).ReviewRoute,
            }),
          },
          {
            path: '/users/:id',
            lazy: async () => ({
              Component: (await import('./routes/profile-route')).ProfileRoute,
            }),
          },
          {
            path: '/messages',
            lazy: async () => ({
              Component: (await import('./routes/messages-route')).MessagesRoute,
            }),
          },
          {
            path: '/messages/:id',
            lazy: async () => ({
              Component: (await import('./routes/conversation-route')).ConversationRoute,
            }),
          },
          {
            path: '/notifications',
            lazy: async () => ({
              Component: (await import('./routes/notifications-route')).NotificationsRoute,
            }),
          },
          {
            path: '/settings/notifications',
            lazy: async () => ({
              Component: (await import('./routes/notification-settings-route'))
                .NotificationSettingsRoute,
            }),
          },
          {
            path: '/settings/profile',
            lazy: async () => ({
              Component: (await import('./routes/profile-settings-route')).ProfileSettingsRoute,
            }),
          },
          {
            path: '/settings/account',
            lazy: async () => ({
              Component: (await import('./routes/account-settings-route')).AccountSettingsRoute,
            }),
          },
          {
            path: '/verify',
            lazy: async () => ({ Component: (await import('./routes/verify-route')).VerifyRoute }),
          },
          {
            path: '/staff/verification-codes',
            lazy: async () => ({
              Component: (await import('./routes/staff-verification-codes-route'))
                .StaffVerificationCodesRoute,
            }),
          },
          {
            path: '/alerts',
            lazy: async () => ({
              Component: (await import('./routes/alerts-route')).AlertsRoute,
            }),
          },
          {
            path: '/t/:slug/moderation',
            lazy: async () => ({
              Component: (await import('./routes/moderation-route')).ModerationRoute,
            }),
          },
          {
            path: '/t/:slug/staff/posts',
            lazy: async () => ({
              Component: (await import('./routes/staff-posts-route')).StaffPostsRoute,
            }),
          },
          {
            path: '/t/:slug/audit',
            lazy: async () => ({
              Component: (await import('./routes/audit-route')).AuditRoute,
            }),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
