package org.bdr.mcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * A tool call's arguments, read with the checks their schema states. A wrong argument is an
 * INVALID_ARGUMENT failure naming the field and what it must be; its value is never repeated (it
 * may be a path that holds a patient's name).
 */
final class Arguments {

  private final Map<String, Object> values;

  Arguments(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** Refuses arguments the tool does not take. */
  Arguments onlyKnown(Set<String> known) {
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw invalid(
            "unknown argument '" + safeName(name) + "'; this tool takes " + new TreeSet<>(known),
            "leave out '" + safeName(name) + "'");
      }
    }
    return this;
  }

  /** A string, or {@code fallback} when absent or null. */
  String string(String name, String fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s)) {
      throw wrongType(name, "a string");
    }
    return s;
  }

  /** A string that must be given and not be blank. */
  String requiredString(String name) {
    String s = string(name, null);
    if (s == null || s.isBlank()) {
      throw invalid("argument '" + name + "' is required", "give '" + name + "'");
    }
    return s;
  }

  /** One of {@code allowed}, or {@code fallback}. */
  String choice(String name, String fallback, List<String> allowed) {
    String s = string(name, fallback);
    if (s != null && !allowed.contains(s)) {
      throw invalid("argument '" + name + "' must be one of " + allowed, "give one of " + allowed);
    }
    return s;
  }

  /** A list of strings, empty when absent. */
  List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw wrongType(name, "an array of strings");
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw wrongType(name, "an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  /**
   * A list of absolute file or folder paths, empty when absent. A blank path would silently mean
   * the server's working folder, and a NUL character is never part of a path: both are refused.
   */
  List<Path> paths(String name) {
    List<Path> out = new ArrayList<>();
    for (String s : strings(name)) {
      if (s.isBlank() || s.indexOf('\0') >= 0) {
        throw invalid(
            "argument '" + name + "' holds a blank path or one with a NUL character",
            "give '" + name + "' as absolute paths of files or folders");
      }
      out.add(absolute(name, s));
    }
    return out;
  }

  /**
   * The path, which must be absolute: a relative one would be resolved against the server's working
   * folder, which the caller neither sees nor chose.
   */
  private static Path absolute(String name, String s) {
    Path p = Path.of(s);
    if (!p.isAbsolute()) {
      throw invalid(
          "argument '" + name + "' must hold absolute paths (starting with /)",
          "give '" + name + "' as absolute paths on the server's machine");
    }
    return p;
  }

  /** One file or folder path that must be given; see {@link #paths}. */
  Path requiredPath(String name) {
    String s = requiredString(name);
    if (s.indexOf('\0') >= 0) {
      throw invalid(
          "argument '" + name + "' holds a NUL character", "give '" + name + "' as a folder path");
    }
    return absolute(name, s);
  }

  /** A boolean, or {@code fallback}. */
  boolean bool(String name, boolean fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      throw wrongType(name, "true or false");
    }
    return b;
  }

  /** An integer within bounds, or {@code fallback}. */
  int integer(String name, int fallback, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    boolean whole =
        v instanceof Integer
            || v instanceof Long
            || (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()));
    if (!whole) {
      throw wrongType(name, "an integer");
    }
    double d = ((Number) v).doubleValue();
    if (d < min || d > max) {
      throw invalid(
          "argument '" + name + "' must be between " + min + " and " + max,
          "give '" + name + "' between " + min + " and " + max);
    }
    return (int) d;
  }

  private static BdrException wrongType(String name, String what) {
    return invalid("argument '" + name + "' must be " + what, "give '" + name + "' as " + what);
  }

  static BdrException invalid(String message, String recovery) {
    return new BdrException(ErrorCode.INVALID_ARGUMENT, message, recovery);
  }

  /** A field name as a client sent it, cut and stripped of control characters. */
  private static String safeName(String name) {
    String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
