/**
 * The restic-format repository (format version 2): config, keys, packs of encrypted blobs, index
 * files, trees, snapshots and locks. A {@link org.bdr.repo.Repository} is the open repository that
 * engines read and write blobs through.
 */
package org.bdr.repo;
