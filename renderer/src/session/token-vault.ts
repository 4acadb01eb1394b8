/**
 * Keeps the bearer token encrypted at rest in the browser build: AES-GCM with
 * a non-extractable WebCrypto key that IndexedDB can store but script can
 * never read out. (The desktop build stores it with the OS keychain instead.)
 */
export type SealedToken = { cipher: ArrayBuffer; iv: Uint8Array<ArrayBuffer>; key: CryptoKey };

export async function sealToken(token: string): Promise<SealedToken> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(token));
  return { cipher, iv, key };
}

export async function openToken(sealed: { cipher: ArrayBuffer; iv: Uint8Array<ArrayBuffer>; key: CryptoKey }): Promise<string | null> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, sealed.key, sealed.cipher);
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
