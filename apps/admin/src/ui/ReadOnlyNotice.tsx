import { Lock } from 'lucide-react';
import { useCanWrite } from '../app/session';

/** Tells a read-only member why the page has no write controls. */
export function ReadOnlyNotice({ what = 'make changes here' }: { what?: string }) {
  const canWrite = useCanWrite();
  if (canWrite) return null;
  return (
    <div className="alert alert-info" role="note">
      <Lock size={16} aria-hidden="true" className="alert-icon" />
      <span>
        You have read-only access as a <strong>member</strong>: ask an owner or admin to {what}.
      </span>
    </div>
  );
}
