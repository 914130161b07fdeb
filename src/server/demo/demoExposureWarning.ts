/** Only this machine can reach a server that listens on a loopback address. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The loud start-up warning for working demo logins (published passwords) on a server others can reach, or
 * undefined when there is nothing to warn about.
 */
export function demoExposureWarning(host: string, activeDemoLogins: number): string | undefined {
  if (activeDemoLogins === 0 || isLoopback(host)) return undefined;
  const line = '!'.repeat(78);
  return [
    line,
    `!!  WAARSCHUWING: ${activeDemoLogins} demo-login(s) met publiek bekende wachtwoorden werken nog,`,
    `!!  en deze server luistert op ${host}: wie hem bereikt, kan ermee aanmelden.`,
    '!!  WARNING: demo logins with published passwords work on a server others can reach.',
    '!!  Voor een echte organisatie: start met DEMO=0 en schakel de demo-accounts uit',
    '!!  (npm run admin -- disable-user --email <adres>), of luister op HOST=127.0.0.1.',
    line,
    '',
  ].join('\n');
}
