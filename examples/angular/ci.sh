#!/usr/bin/env bash
# The example's whole check, as a fresh clone or CI runs it (README: the third command): build the library, install
# the example (rxuploadcare copied from the repository as npm pack would ship it), production build with budgets,
# unit tests in headless Chromium, then the end-to-end run. Needs Chromium (CHROME_BIN, default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
started=$SECONDS

# The library first: the example installs rxuploadcare and rxuploadcare-emulator from their built dist/.
(cd ../.. && node scripts/ensure-deps.mjs && node scripts/build.mjs)
npm ci --no-audit --no-fund
# npm puts node_modules/.bin first on the PATH of its scripts: ng and the e2e run on the example's own Node.js 22.
npm run build
npm test
npm run e2e
echo "examples/angular: build, unit tests and e2e in $((SECONDS - started)) s"
