/**
 * Taking a snapshot: the {@link org.bdr.backup.Archiver} walks sources, reuses unchanged files from
 * the parent snapshot, chunks and stores the rest, and writes the tree and snapshot.
 */
package org.bdr.backup;
