package org.bdr.pattern;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Globs matched against absolute paths, read as restic reads them: a pattern without a slash
 * matches a file or folder name at any depth ({@code *.dcm}, {@code scans}); a pattern starting
 * with a slash matches from the root ({@code /srv/records/*.csv}); any other pattern with a slash
 * matches at any depth ({@code scans/*} matches {@code /srv/practice/scans/a.dcm}). {@code *} stays
 * within one path element, {@code **} crosses elements. A trailing slash is ignored.
 */
public final class PathPatterns {

  private final List<PathMatcher> byName = new ArrayList<>();
  private final List<PathMatcher> byPath = new ArrayList<>();
  private final List<String> patterns;

  /** Compiles the patterns; an invalid glob fails with a message naming it. */
  public PathPatterns(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
    for (String raw : patterns) {
      String p = raw;
      while (p.length() > 1 && p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
      }
      if (p.isEmpty()) {
        throw new IllegalArgumentException("an empty pattern matches nothing; remove it");
      }
      try {
        if (!p.contains("/")) {
          byName.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
        } else if (p.startsWith("/")) {
          byPath.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
        } else {
          byPath.add(FileSystems.getDefault().getPathMatcher("glob:**/" + p));
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "pattern '" + raw + "' is not a valid glob: " + e.getMessage(), e);
      }
    }
  }

  /** Whether no pattern was given. */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** The patterns as given. */
  public List<String> patterns() {
    return patterns;
  }

  /** Whether an absolute path (or its last element, by name) matches any pattern. */
  public boolean matches(Path absolute) {
    Path name = absolute.getFileName();
    for (PathMatcher m : byName) {
      if (name != null && m.matches(name)) {
        return true;
      }
    }
    for (PathMatcher m : byPath) {
      if (m.matches(absolute)) {
        return true;
      }
    }
    return false;
  }
}
