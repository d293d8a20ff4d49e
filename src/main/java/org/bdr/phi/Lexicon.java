package org.bdr.phi;

import java.util.HashMap;
import java.util.Map;

/**
 * Every word the text detector cares about, in one table, so a word costs one hash: cue words,
 * month names, filler words, titles, and the given and family name dictionaries. A word's value is
 * a set of flags; the low five bits hold the ordinal of its cue plus one.
 */
final class Lexicon {

  static final int CUE_MASK = 0x1F;
  static final int MONTH = 1 << 5;
  static final int FILLER = 1 << 6;
  static final int GIVEN = 1 << 7;
  static final int FAMILY = 1 << 8;
  static final int TITLE = 1 << 9;
  static final int CLINICIAN = 1 << 10;

  private static final String[] MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec"
  };
  private static final String[] FILLERS = {
    "number", "no", "num", "nbr", "id", "is", "of", "the", "a", "an", "on", "at", "was", "to",
    "and", "or", "home", "work", "primary", "s", "type", "value", "nr"
  };
  private static final String[] TITLES = {"mr", "mrs", "ms", "miss", "mx", "mister"};
  private static final String[] CLINICIANS = {
    "dr", "doctor", "nurse", "prof", "professor", "provider", "physician"
  };

  private static final WordSet WORDS = build(false);

  /** The words above and the name dictionaries, so a capitalised word costs one lookup too. */
  private static final WordSet WORDS_AND_NAMES = build(true);

  private Lexicon() {}

  /** The flags of the word {@code from..to} of {@code s}, or 0 when it is not in the lexicon. */
  static int flags(Latin1Text s, int from, int to) {
    return flags(s, from, to, true);
  }

  /**
   * The flags of a word; the name dictionaries are only consulted when {@code names} (a capitalised
   * word).
   */
  static int flags(Latin1Text s, int from, int to, boolean names) {
    if (to - from > 16) {
      return 0;
    }
    int at = s.offset();
    int v = (names ? WORDS_AND_NAMES : WORDS).valueOf(s.bytes(), at + from, at + to);
    return v < 0 ? 0 : v;
  }

  /** Whether the flags are those of a filler that does not break a cue ("number", "of", "the"). */
  static boolean filler(int flags) {
    return (flags & FILLER) != 0;
  }

  static Cue cue(int flags) {
    int c = flags & CUE_MASK;
    return c == 0 ? Cue.NONE : Cue.values()[c - 1];
  }

  private static WordSet build(boolean names) {
    Map<String, Integer> map = new HashMap<>();
    if (names) {
      WordSet.lines("given-names.txt").forEach(w -> map.merge(w, GIVEN, (a, b) -> a | b));
      WordSet.lines("family-names.txt").forEach(w -> map.merge(w, FAMILY, (a, b) -> a | b));
    }
    for (Cue c : Cue.values()) {
      for (String w : c.words()) {
        map.merge(w, c.ordinal() + 1, (a, b) -> (a & CUE_MASK) != 0 ? a : a | b);
      }
    }
    add(map, MONTHS, MONTH);
    add(map, TITLES, TITLE);
    add(map, CLINICIANS, CLINICIAN);
    add(map, FILLERS, FILLER);
    return WordSet.withValues(map);
  }

  private static void add(Map<String, Integer> map, String[] words, int flag) {
    for (String w : words) {
      map.merge(w, flag, (a, b) -> a | b);
    }
  }
}
