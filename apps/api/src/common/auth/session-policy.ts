/**
 * How long a company user's cookie session lives. Sliding: every use (at most once a minute)
 * pushes expiry to now + SESSION_IDLE_SECONDS, never past SESSION_MAX_SECONDS after sign-in, so a
 * stolen cookie cannot be kept alive forever.
 */
export const SESSION_IDLE_SECONDS = 14 * 24 * 60 * 60;
export const SESSION_MAX_SECONDS = 90 * 24 * 60 * 60;
