// Runnable example of docs/uploads.md (spec/upload/docs-examples.node.spec.ts runs both halves against the emulator).
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { lastValueFrom } from 'rxjs';
import { File, toFile, type UploadSignature, type Uploadcare } from '../../../lib/index.js';

/** The backend half: `GET /upload-signature` answers a signature valid 10 minutes. The secret stays here. */
export function signatureBackend(secretKey: string): Server {
  return createServer((req, res) => {
    if (req.url !== '/upload-signature') return void res.writeHead(404).end();
    const expire = Math.floor(Date.now() / 1000) + 600;
    const signature = createHmac('sha256', secretKey).update(String(expire)).digest('hex');
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify({ expire, signature } satisfies UploadSignature));
  });
}

/** The browser half: a client without the secret asks the backend for each upload's signature. */
export function uploadSigned(uc: Uploadcare, picked: Blob, backendUrl: string): Promise<File> {
  const resolver = async (): Promise<UploadSignature> => (await fetch(`${backendUrl}/upload-signature`)).json() as Promise<UploadSignature>;
  return lastValueFrom(File.upload(picked, { signed: resolver }, uc).pipe(toFile()));
}
