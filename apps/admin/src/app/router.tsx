import type { QueryClient } from '@tanstack/react-query';
import { SearchX } from 'lucide-react';
import type { ComponentType } from 'react';
import { createBrowserRouter, Link, type LoaderFunctionArgs } from 'react-router';
import { AcceptInvitePage } from '../features/auth/AcceptInvitePage';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { EmptyState, LoadingState } from '../ui/States';
import { Shell } from './Shell';
import { RequireSession } from './session';

/**
 * Each page is its own chunk, fetched by the router as navigation starts (in parallel with the
 * session check and the page's first data), so a first visit loads only what it shows.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

function NotFound() {
  return (
    <EmptyState
      icon={<SearchX size={22} />}
      title="Page not found"
      action={<Link to="/">Go to the dashboard</Link>}
    >
      This address does not lead anywhere in Leadbridge.
    </EmptyState>
  );
}

export function createRouter(queryClient: QueryClient) {
  /**
   * Starts the inbox's first page request as soon as its small query module is in, alongside the
   * page's own chunk, without holding up the navigation (the page shows progress).
   */
  const prefetchInbox = ({ request }: LoaderFunctionArgs) => {
    void import('../features/leads/inbox-query').then(({ inboxListQuery }) =>
      queryClient.prefetchInfiniteQuery(inboxListQuery(new URL(request.url).searchParams)),
    );
    return null;
  };
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    { path: '/sign-up', element: <SignUpPage /> },
    { path: '/accept-invite', element: <AcceptInvitePage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <Shell />
        </RequireSession>
      ),
      hydrateFallbackElement: <LoadingState label="Loading your workspace…" />,
      children: [
        {
          index: true,
          lazy: page(
            () => import('../features/dashboard/DashboardPage'),
            (m) => m.DashboardPage,
          ),
        },
        {
          path: 'leads',
          loader: prefetchInbox,
          lazy: page(
            () => import('../features/leads/InboxPage'),
            (m) => m.InboxPage,
          ),
        },
        {
          path: 'leads/:id',
          lazy: page(
            () => import('../features/leads/LeadDetailPage'),
            (m) => m.LeadDetailPage,
          ),
        },
        {
          path: 'imports',
          lazy: page(
            () => import('../features/imports/ImportsPage'),
            (m) => m.ImportsPage,
          ),
        },
        {
          path: 'customers',
          lazy: page(
            () => import('../features/customers/CustomersPage'),
            (m) => m.CustomersPage,
          ),
        },
        {
          path: 'customers/:id',
          lazy: page(
            () => import('../features/customers/CustomerDetailPage'),
            (m) => m.CustomerDetailPage,
          ),
        },
        {
          path: 'commissions',
          lazy: page(
            () => import('../features/commissions/CommissionsPage'),
            (m) => m.CommissionsPage,
          ),
        },
        {
          path: 'applications',
          lazy: page(
            () => import('../features/applications/ApplicationsPage'),
            (m) => m.ApplicationsPage,
          ),
        },
        {
          path: 'partners',
          lazy: page(
            () => import('../features/partners/PartnersPage'),
            (m) => m.PartnersPage,
          ),
        },
        {
          path: 'partners/:id',
          lazy: page(
            () => import('../features/partners/PartnerDetailPage'),
            (m) => m.PartnerDetailPage,
          ),
        },
        {
          path: 'messages',
          lazy: page(
            () => import('../features/messages/MessagesPage'),
            (m) => m.MessagesPage,
          ),
        },
        {
          path: 'messages/:threadId',
          lazy: page(
            () => import('../features/messages/MessagesPage'),
            (m) => m.MessagesPage,
          ),
        },
        {
          path: 'programs',
          lazy: page(
            () => import('../features/programs/ProgramsPage'),
            (m) => m.ProgramsPage,
          ),
        },
        {
          path: 'programs/:id',
          lazy: page(
            () => import('../features/programs/ProgramSettingsPage'),
            (m) => m.ProgramSettingsPage,
          ),
        },
        {
          path: 'developers',
          lazy: page(
            () => import('../features/developers/DevelopersPage'),
            (m) => m.DevelopersPage,
          ),
        },
        {
          path: 'developers/webhooks/:id',
          lazy: page(
            () => import('../features/developers/WebhookDetailPage'),
            (m) => m.WebhookDetailPage,
          ),
        },
        {
          path: 'team',
          lazy: page(
            () => import('../features/team/TeamPage'),
            (m) => m.TeamPage,
          ),
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
