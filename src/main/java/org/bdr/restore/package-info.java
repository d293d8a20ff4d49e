/** Bringing files back: the {@link org.bdr.restore.Restorer} writes a snapshot's tree to disk. */
package org.bdr.restore;
