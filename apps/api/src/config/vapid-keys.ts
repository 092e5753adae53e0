import { createECDH } from 'node:crypto';

/**
 * A fresh VAPID key pair (P-256), base64url as `web-push generate-vapid-keys` prints it: the
 * public key is the uncompressed point (65 bytes), the private key the scalar (32 bytes).
 */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: ecdh.getPrivateKey().toString('base64url'),
  };
}

/** The public key of a VAPID private key (both base64url). */
export function vapidPublicKeyOf(privateKey: string): string {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
  return ecdh.getPublicKey().toString('base64url');
}
