import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BadgeCheck,
  Code,
  Coins,
  FileUp,
  Handshake,
  Inbox,
  LayoutDashboard,
  type LucideIcon,
  Menu,
  MessageSquare,
  Settings2,
  UserPlus,
  Users,
} from 'lucide-react';
import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { lb } from '../api/client';
import { queries } from '../api/queries';
import { LoadingState } from '../ui/States';
import { useSession } from './session';

interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  end?: boolean;
  count?: number;
}

function useUnreadTotal(): number {
  return useQuery(queries.unreadTotal()).data ?? 0;
}

export function Shell() {
  const session = useSession();
  const unread = useUnreadTotal();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // While the next page's code loads, the current page stays and a thin bar says something is coming.
  const navigating = useNavigation().state === 'loading';

  // A navigation closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change on purpose.
  useEffect(() => setOpen(false), [location.pathname]);

  const work: NavItem[] = [
    { to: '/', label: 'Dashboard', icon: LayoutDashboard, end: true },
    { to: '/leads', label: 'Leads', icon: Inbox },
    { to: '/imports', label: 'Imports', icon: FileUp },
    { to: '/customers', label: 'Customers', icon: BadgeCheck },
    { to: '/commissions', label: 'Commissions', icon: Coins },
    { to: '/partners', label: 'Partners', icon: Handshake },
    { to: '/applications', label: 'Applications', icon: UserPlus },
    { to: '/messages', label: 'Messages', icon: MessageSquare, count: unread },
  ];
  const setup: NavItem[] = [
    { to: '/programs', label: 'Programs', icon: Settings2 },
    { to: '/developers', label: 'Developers', icon: Code },
    { to: '/team', label: 'Team', icon: Users },
  ];

  const signOut = async () => {
    try {
      await lb.auth.signOut();
    } finally {
      queryClient.clear();
      navigate('/sign-in', { replace: true });
    }
  };

  const renderItem = (item: NavItem) => (
    <NavLink key={item.to} to={item.to} end={item.end}>
      <item.icon className="nav-icon" size={18} aria-hidden="true" />
      {item.label}
      {item.count ? (
        <span className="nav-count">
          {item.count}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </NavLink>
  );

  return (
    <div className="shell">
      {navigating && <div className="nav-progress" role="progressbar" aria-label="Loading page" />}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          aria-label="Open menu"
          aria-expanded={open}
          aria-controls="sidebar"
          onClick={() => setOpen(true)}
        >
          <Menu size={20} aria-hidden="true" />
        </button>
        <Link className="brand" to="/">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          Leadbridge
        </Link>
      </header>
      {open && <div className="scrim" aria-hidden="true" onClick={() => setOpen(false)} />}
      <aside className="sidebar" id="sidebar" data-open={open} aria-label="Main">
        <Link className="brand" to="/">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          Leadbridge
        </Link>
        <nav className="nav" aria-label="Work">
          {work.map(renderItem)}
        </nav>
        <div className="nav-section" aria-hidden="true">
          Setup
        </div>
        <nav className="nav" aria-label="Setup">
          {setup.map(renderItem)}
        </nav>
        <div className="sidebar-footer">
          <div className="who">{session.user.name}</div>
          <div>
            {session.company.name} · {session.role}
          </div>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </aside>
      <main className="main" id="main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
