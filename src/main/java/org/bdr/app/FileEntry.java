package org.bdr.app;

/**
 * One entry of a snapshot listing.
 *
 * @param path its path in the snapshot
 * @param type file, dir, symlink, …
 * @param size bytes, for files
 * @param mtime modification time
 * @param mode Unix permission bits
 */
public record FileEntry(String path, String type, long size, String mtime, int mode) {}
