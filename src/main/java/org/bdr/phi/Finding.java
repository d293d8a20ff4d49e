package org.bdr.phi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an identifier of some type sits in a file. A finding never holds the identifier itself.
 *
 * @param path the file's safe path: the caller's path with every name part that holds an identifier
 *     replaced by its type in brackets
 * @param line the 1-based line, or 0 when the file or folder name holds the identifier or the file
 *     has no lines (DICOM)
 * @param field the record or field path, such as {@code PID-5} or {@code
 *     Bundle.entry[3].resource.name}; null when the format has none
 * @param type the kind of identifier
 * @param confidence how sure the detector is, from 0 to 1
 * @param hint a masked hint such as {@code ***-**-1234}; null unless asked for at high sensitivity
 */
public record Finding(
    String path, long line, String field, IdentifierType type, double confidence, String hint) {

  private static final Pattern MASKED = Pattern.compile("[*\\-]+[0-9]{0,4}");

  /** Checks the values; a hint must be masked: stars and dashes, then at most four digits. */
  public Finding {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, was " + line);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
    }
    if (hint != null && !MASKED.matcher(hint).matches()) {
      throw new IllegalArgumentException("a hint must be masked (stars, dashes, last 4 digits)");
    }
  }
}
