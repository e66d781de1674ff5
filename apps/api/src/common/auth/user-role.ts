/** What a company user may do: owners and admins manage the company, members read. */
export type UserRole = 'owner' | 'admin' | 'member';
