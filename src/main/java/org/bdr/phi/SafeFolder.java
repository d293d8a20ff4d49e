package org.bdr.phi;

import java.util.HashSet;
import java.util.Set;

/**
 * A folder as a report may show it: its safe path (each patient's name in it replaced by its type,
 * ending in a separator) and the words of the names hidden in it and in the folders above, lower
 * case and accents set aside. A name below that repeats one of those words ({@code smith_labs.pdf}
 * in {@code Smith, John/}) is hidden too, or the folder's redaction would be undone by its files.
 */
record SafeFolder(String path, Set<String> names) {

  SafeFolder {
    names = Set.copyOf(names);
  }

  /** A folder shown as {@code path}, no name hidden in it. */
  static SafeFolder of(String path) {
    return new SafeFolder(path, Set.of());
  }

  /** The folder below this one, shown as {@code path}, whose own name hid {@code more} words. */
  SafeFolder below(String path, Set<String> more) {
    if (more.isEmpty()) {
      return new SafeFolder(path, names);
    }
    Set<String> all = new HashSet<>(names);
    all.addAll(more);
    return new SafeFolder(path, all);
  }
}
