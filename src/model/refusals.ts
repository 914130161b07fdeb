/**
 * The refusal code a queued change gets on the device when its team was taken away from the person (see
 * db/teamData): shown under "needs attention" with its text, never dropped, and kept as the explanation even when
 * the server refuses the same change as 'forbidden'.
 */
export const TEAM_REMOVED = 'teamRemoved';
