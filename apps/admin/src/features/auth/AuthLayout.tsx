import type { ReactNode } from 'react';

export function AuthLayout({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main className="auth-page">
      <div className="card auth-card stack">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          Leadbridge
        </div>
        <h1 style={{ fontSize: 'var(--text-lg)' }}>{title}</h1>
        {children}
        {footer && <p className="subtle">{footer}</p>}
      </div>
    </main>
  );
}
