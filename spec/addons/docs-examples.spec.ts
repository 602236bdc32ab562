import { cutOut, labelsOf, scanUpload } from '../../docs/examples/addons/scan-and-label.js';
import { countingClient } from '../resources/support/clients.js';
import { PNG_1X1, uploadTestFile } from '../resources/support/uploads.js';

// The examples of docs/addons.md, run against the emulator (its jobs take about 0.25 s; the examples poll every second).
describe('docs examples (add-ons)', () => {
  it('scanUpload, labelsOf, cutOut', async () => {
    const uc = countingClient();
    const image = await uploadTestFile(PNG_1X1, { filename: 'pixel.png', type: 'image/png' });
    expect(await scanUpload(uc, image)).toBeTrue();
    expect(await labelsOf(uc, image)).toEqual(['Home Decor', 'Linen', 'Sunlight']);
    expect(await cutOut(uc, image)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
