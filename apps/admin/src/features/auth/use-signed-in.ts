import type { AuthSession } from '@leadbridge/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { queries } from '../../api/queries';

/** After sign-in/up: remember the session and go where the person was heading. */
export function useSignedIn(): (session: AuthSession) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (session) => {
    queryClient.clear();
    queryClient.setQueryData(queries.session.key(), session);
    const next = params.get('next');
    // Only paths inside the app: an open redirect would let a link send people elsewhere.
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };
}
