// A real browser for the review page's tests: Debian's Chromium (apt-get install chromium, which
// .ci/run does when it is missing), driven by playwright-core, which downloads no browser of its
// own. When no Chromium can be started the tests fail with this message; they never skip.
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const HOW_TO =
  "install Debian's Chromium and a CJK font (apt-get install chromium fonts-wqy-microhei; .ci/run does it), " +
  'or set REPORTX_CHROMIUM to the path of a Chromium or Chrome binary';

/** The binary the tests run: REPORTX_CHROMIUM when set, else the first of CANDIDATES that exists. */
export function chromiumPath(): string {
  const chosen = process.env.REPORTX_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen))
      throw new Error(`REPORTX_CHROMIUM=${chosen}: no such file. To run the browser tests, ${HOW_TO}.`);
    return chosen;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(`no Chromium found (looked for ${CANDIDATES.join(', ')}). To run the browser tests, ${HOW_TO}.`);
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({
      executablePath,
      // As root in CI Chromium needs --no-sandbox; the rest keep it off a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 30_000,
    });
  } catch (err) {
    const reason = String((err as Error)?.message ?? err).split('\n')[0];
    throw new Error(
      `Chromium at ${executablePath} could not be started (${reason}). To run the browser tests, ${HOW_TO}.`,
    );
  }
}
