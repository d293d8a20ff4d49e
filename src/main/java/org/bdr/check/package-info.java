/**
 * Verifying a repository: the {@link org.bdr.check.Checker} checks structure and, when asked,
 * decrypts and hashes every blob, and lists every problem it finds.
 */
package org.bdr.check;
