package org.bdr.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * Where a page of snapshots ended, as an opaque text: the last shown snapshot's sort values and id
 * (a keyset), and a fingerprint of the query and repository it belongs to. The next page starts
 * after that key, so snapshots added or removed meanwhile neither repeat nor skip the others.
 */
final class PageCursor {

  /**
   * The sort values of one snapshot.
   *
   * @param size its size, -1 if unknown
   * @param time when it started
   * @param id its full id
   */
  record Key(long size, Instant time, String id) {}

  private static final String VERSION = "1";
  private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{64}");

  private PageCursor() {}

  /** The cursor for the page after {@code last}. */
  static String encode(String fingerprint, Key last) {
    String text =
        String.join(
            "|",
            VERSION,
            fingerprint,
            Long.toString(last.size()),
            Long.toString(last.time().getEpochSecond()),
            Integer.toString(last.time().getNano()),
            last.id());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key a cursor holds.
   *
   * @throws BdrException INVALID_ARGUMENT if it is malformed or belongs to another query
   */
  static Key decode(String cursor, String fingerprint) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
    } catch (IllegalArgumentException e) {
      throw invalid("cursor is not a cursor bdr gave out");
    }
    if (parts.length != 6 || !parts[0].equals(VERSION) || !HEX_ID.matcher(parts[5]).matches()) {
      throw invalid("cursor is not a cursor bdr gave out");
    }
    if (!parts[1].equals(fingerprint)) {
      throw invalid(
          "cursor belongs to a different listing: the filters, the sort or the repository changed");
    }
    try {
      return new Key(
          Long.parseLong(parts[2]),
          Instant.ofEpochSecond(Long.parseLong(parts[3]), Integer.parseInt(parts[4])),
          parts[5]);
    } catch (RuntimeException e) {
      throw invalid("cursor is not a cursor bdr gave out");
    }
  }

  private static BdrException invalid(String message) {
    return new BdrException(
        ErrorCode.INVALID_ARGUMENT,
        message,
        "repeat the listing without a cursor, or pass the next-page cursor of a listing with the"
            + " same filters and sort");
  }
}
