/**
 * The shared-cache topic of resolved sessions (token hash → user, active flag, roles, expiry). Whatever
 * changes a session's revocation or expiry, a user's active flag, memberships, roles or the org-unit paths
 * in them calls `SharedCaches.changed(manager, SESSIONS_TOPIC)` in its transaction, so every server process
 * stops trusting its cached sessions.
 */
export const SESSIONS_TOPIC = 'sessions';
