/**
 * Who may do what: roles, the operations they allow, and the bearer tokens that bind a remote
 * caller to a role.
 *
 * <p>Nouns of this package:
 *
 * <ul>
 *   <li>An {@link org.bdr.auth.Operation} is one kind of thing a caller asks bdr to do (create a
 *       backup, list snapshots, read the audit log…).
 *   <li>A {@link org.bdr.auth.Role} is a fixed set of operations: admin may do everything, operator
 *       runs and checks backups, auditor only reads.
 *   <li>A <em>token</em> is a secret of the form {@code bdr_<id>_<secret>} that a remote caller
 *       presents as {@code Authorization: Bearer <token>}. It is shown once, when created; the
 *       {@link org.bdr.auth.TokenStore} keeps only its SHA-256 hash, with its id, name, role,
 *       creation time and, once revoked, the time of revocation.
 *   <li>A {@link org.bdr.auth.Principal} is the caller a valid, unrevoked token identifies.
 * </ul>
 *
 * <p>Authentication answers "no one" for any token that is malformed, unknown, revoked or wrong,
 * without saying which: a caller learns nothing about the tokens that exist.
 */
package org.bdr.auth;
