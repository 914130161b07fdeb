/**
 * What a role may do beyond working in its teams. The organisation's network instruments are run by its
 * coordinators (and admins): they start and close a run; every worker of the organisation reads and fills one
 * in. A client's ecogram is any member's of its case's team. (Its own module: the first screen needs it, and
 * none of the instrument schemas.)
 */
export const canManageNetworkInstruments = (role: string | undefined): boolean => role === 'coordinator' || role === 'admin';
