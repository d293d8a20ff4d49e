package org.bdr.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * Turns any failure into a {@link BdrException} with a code, a message and a recovery hint, so that
 * every adapter reports failures alike and never shows a stack trace or class name.
 */
public final class Failures {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  /** The failure as a person-facing error. */
  public static BdrException describe(Throwable t) {
    if (t instanceof BdrException b) {
      return b;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return new BdrException(
            ErrorCode.INTERNAL,
            "bdr ran out of memory",
            "run it again with more, e.g. BDR_JAVA_OPTS=-Xmx1g (bin/bdr gives 256 MiB); the"
                + " repository is intact");
      }
    }
    if (t instanceof AccessDeniedException e) {
      return new BdrException(
          ErrorCode.PERMISSION_DENIED,
          "permission denied: " + e.getFile(),
          "run bdr as a user who may access it, or change its permissions");
    }
    if (t instanceof NoSuchFileException e) {
      return new BdrException(
          ErrorCode.SOURCE_NOT_FOUND, "no such file or folder: " + e.getFile(), "check the path");
    }
    String message = withoutClassNames(t.getMessage());
    if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
      return new BdrException(
          ErrorCode.DISK_FULL,
          "the disk is full"
              + (t instanceof FileSystemException fs && fs.getFile() != null
                  ? " (writing " + fs.getFile() + ")"
                  : ""),
          "free space on the repository's disk or choose another repository; nothing was lost");
    }
    if (t instanceof IllegalArgumentException) {
      return new BdrException(ErrorCode.INVALID_ARGUMENT, message, "correct the argument");
    }
    if (t instanceof IOException) {
      return new BdrException(
          ErrorCode.INTERNAL,
          "input/output failure: " + message,
          "check the disk and the paths involved, then run the command again");
    }
    // A programming error's own message names code (classes, variables): none of it is shown.
    LOG.warn("unexpected failure: {}", t.getClass().getName());
    return new BdrException(
        ErrorCode.INTERNAL,
        "unexpected failure inside bdr",
        "run the command again; if it persists, run 'bdr check' and report it with bdr's log");
  }

  /**
   * The message without Java class names: an exception that wraps another carries the other's class
   * name in its message ({@code java.util.zip.ZipException: ...}), which means nothing to the
   * person and must not reach an MCP client.
   */
  static String withoutClassNames(String message) {
    if (message == null) {
      return "";
    }
    return CLASS_NAME.matcher(message).replaceAll("").strip();
  }

  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile(
          "\\b(?:java|javax|jdk|sun|com|org|io|net|reactor|tools)\\.(?:[a-z0-9_]+\\.)*"
              + "[A-Z][A-Za-z0-9_$]*(?::\\s*)?");
}
