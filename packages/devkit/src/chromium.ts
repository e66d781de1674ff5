import { existsSync } from 'node:fs';

/**
 * Launch options for Debian's Chromium (never a downloaded browser). The background-networking
 * flags keep Chromium from dialling Google services, which this machine's closed network refuses.
 */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const executablePath = candidates.find((path): path is string => !!path && existsSync(path));
  if (!executablePath) {
    throw new Error(
      "Chromium not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.",
    );
  }
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
