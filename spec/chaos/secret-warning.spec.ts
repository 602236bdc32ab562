import { Uploadcare } from '../../lib/client.js';
import { conf, defaultClient } from '../../lib/conf.js';
import { SECRET_IN_BROWSER_WARNING, secretKeyWarningState } from '../../lib/secret-key-warning.js';
import { inBrowser } from '../support/test-env.js';

// A secret key in a browser is readable by anyone who loads the page: the library says so, once per page, without
// printing the key. In Node, where a secret belongs, it says nothing.

const SECRET = 'chaos-secret-9d1e7f';

describe('chaos: a secret key configured in a browser', () => {
  let warn: jasmine.Spy;
  let wasWarned: boolean;

  beforeEach(() => {
    wasWarned = secretKeyWarningState.warned;
    secretKeyWarningState.warned = false;
    warn = spyOn(console, 'warn');
  });

  afterEach(() => {
    secretKeyWarningState.warned = wasWarned || secretKeyWarningState.warned;
    conf.secret = undefined;
  });

  if (inBrowser) {
    it('warns once, whatever the number of clients, and never prints the key', () => {
      new Uploadcare({ publicKey: 'pk', secretKey: SECRET });
      new Uploadcare({ publicKey: 'pk', secretKey: SECRET });
      conf.secret = SECRET;
      defaultClient();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(SECRET_IN_BROWSER_WARNING);
      expect(String(warn.calls.argsFor(0))).not.toContain(SECRET);
    });

    it('stays quiet without a secret key (a signatureResolver keeps it on the server)', () => {
      new Uploadcare({ publicKey: 'pk', signatureResolver: () => Promise.resolve('00') });
      expect(warn).not.toHaveBeenCalled();
    });
  } else {
    it('stays quiet in Node', () => {
      new Uploadcare({ publicKey: 'pk', secretKey: SECRET });
      expect(warn).not.toHaveBeenCalled();
    });
  }
});
