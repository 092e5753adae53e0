import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/ui/status-message';
import { Layout } from './layout';
import { RequireAuth } from './require-auth';

// Every page loads its own code on demand (Leaflet, the forms, socket.io come with the pages that
// need them): the first load of a cheap phone carries only the frame and the page it opened.
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
      {
        path: '/',
        lazy: async () => ({ Component: (await import('./routes/home-route')).HomeRoute }),
      },
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
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('./routes/login-route')).LoginRoute }),
      },
      {
        path: '/t/:slug/agenda',
        lazy: async () => ({ Component: (await import('./routes/agenda-route')).AgendaRoute }),
      },
      {
        path: '/events/:id',
        lazy: async () => ({ Component: (await import('./routes/event-route')).EventRoute }),
      },
      {
        path: '/organisations/:id',
        lazy: async () => ({
          Component: (await import('./routes/organisation-route')).OrganisationRoute,
        }),
      },
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
            path: '/me',
            lazy: async () => ({ Component: (await import('./routes/me-route')).MeRoute }),
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
            path: '/organisations/new',
            lazy: async () => ({
              Component: (await import('./routes/new-organisation-route')).NewOrganisationRoute,
            }),
          },
          {
            path: '/organisations/mine',
            lazy: async () => ({
              Component: (await import('./routes/my-organisations-route')).MyOrganisationsRoute,
            }),
          },
          {
            path: '/staff/organisations',
            lazy: async () => ({
              Component: (await import('./routes/staff-organisations-route'))
                .StaffOrganisationsRoute,
            }),
          },
          {
            path: '/staff/events',
            lazy: async () => ({
              Component: (await import('./routes/staff-events-route')).StaffEventsRoute,
            }),
          },
          {
            path: '/events/:id/attendees',
            lazy: async () => ({
              Component: (await import('./routes/event-attendees-route')).EventAttendeesRoute,
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
      {
        path: '*',
        lazy: async () => ({
          Component: (await import('./routes/not-found-route')).NotFoundRoute,
        }),
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
