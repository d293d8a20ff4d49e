/**
 * Content-defined chunking compatible with restic's.
 *
 * <p>A {@link org.bdr.chunker.Polynomial} is the irreducible polynomial over GF(2) that each
 * repository picks once; a {@link org.bdr.chunker.Chunker} slides a Rabin fingerprint over a byte
 * stream and cuts a chunk where the low bits of the fingerprint are zero, between restic's minimum
 * and maximum chunk sizes, so that bdr and restic cut the same data into the same blobs.
 */
package org.bdr.chunker;
