/** The bytes and Content-Type the emulator's CDN serves for `uuid`, expecting a 200. */
export async function cdnBytes(origin: string, uuid: string): Promise<{ bytes: Uint8Array; type: string | null }> {
  const answer = await fetch(`${origin}/${uuid}/`);
  expect(answer.status).toBe(200);
  return { bytes: new Uint8Array(await answer.arrayBuffer()), type: answer.headers.get('content-type') };
}
