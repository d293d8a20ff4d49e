/**
 * Encryption as restic's repository format defines it.
 *
 * <p>A {@link org.bdr.crypto.MasterKey} seals every repository file and blob: AES-256 in counter
 * mode under a random 16-byte IV, authenticated by Poly1305-AES over the ciphertext. A {@link
 * org.bdr.crypto.KeyFile} holds the master key encrypted under a key that scrypt derives from the
 * repository password.
 */
package org.bdr.crypto;
