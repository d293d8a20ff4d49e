package org.bdr.repo;

/**
 * Where a blob sits: its pack, its byte range there, and its plaintext length.
 *
 * @param type data or tree
 * @param id the blob's id (SHA-256 of its plaintext)
 * @param pack the pack file holding it
 * @param offset where its sealed bytes start in the pack
 * @param length how many sealed bytes it occupies
 * @param uncompressedLength its plaintext length if stored compressed, else 0
 */
public record BlobLocation(
    BlobType type, Id id, Id pack, long offset, int length, int uncompressedLength) {

  /** Validates the ranges. */
  public BlobLocation {
    if (offset < 0 || length < 0 || uncompressedLength < 0) {
      throw new IllegalArgumentException(
          "blob " + id + " has a negative offset or length in pack " + pack);
    }
  }

  /** Whether the blob is stored zstd-compressed. */
  public boolean compressed() {
    return uncompressedLength > 0;
  }

  /** The plaintext length of the blob. */
  public long plainLength() {
    return compressed() ? uncompressedLength : length - org.bdr.crypto.MasterKey.OVERHEAD;
  }
}
