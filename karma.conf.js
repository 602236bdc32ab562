// Karma runs the isomorphic specs (every spec/**/*.spec.ts but *.node.spec.ts) in headless Chromium.
// Use `npm run test:browser`: spec/support/run-karma.ts bundles the specs with esbuild, starts the test servers
// and passes their URLs to the browser as `client.testEnv`.
module.exports = (config) => {
  config.set({
    frameworks: ['jasmine'],
    files: [], // set by spec/support/run-karma.ts to the bundle it builds
    browsers: ['ChromiumHeadlessNoSandbox'],
    customLaunchers: {
      ChromiumHeadlessNoSandbox: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    },
    hostname: '127.0.0.1',
    listenAddress: '127.0.0.1',
    singleRun: true,
    failOnEmptyTestSuite: true,
    reporters: ['dots'],
    browserNoActivityTimeout: 120000,
    captureTimeout: 120000,
    client: { jasmine: { random: true, timeoutInterval: 30000 } },
  });
};
