package org.bdr.backend;

import java.time.Instant;

/**
 * A file that a write killed before its rename left under a temporary name. Readers never see it;
 * it only takes space.
 *
 * @param path where it is, relative to the repository, with '/' separators
 * @param size its size in bytes
 * @param modified when it was last written
 */
public record Leftover(String path, long size, Instant modified) {}
