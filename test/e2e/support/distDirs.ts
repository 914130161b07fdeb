/**
 * Where globalSetup puts the builds the browser tests serve. `E2E_DIST` names another folder, so that two
 * browser runs in one checkout (two people, or a run beside CI) do not rebuild each other's files mid-test.
 */
export const E2E_DIST = process.env.E2E_DIST || 'dist-e2e';
export const E2E_DIST_NEXT = `${E2E_DIST}-next`;
