package org.bdr.phi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of lower-case ASCII words that answers for a region of any character sequence, ignoring
 * case and the accents of Latin-1 letters, without allocating. A word's hash first goes through a
 * bit filter that turns most absent words away, then through open addressing over a compact table
 * of hashes; the words themselves are compared only when a hash matches.
 */
final class WordSet {

  private static final int FILTER_BITS = 1 << 16;

  private final String[] words;
  private final int[] values;

  /** Two ints per slot: the word's hash, and its index in {@link #words} plus one (0: empty). */
  private final int[] slots;

  private final int mask;

  /** Bit {@link #filterBit} of every word's hash is set. */
  private final long[] filter = new long[FILTER_BITS / 64];

  /** Bit {@code len} of entry {@code c} is set when some word starts with c and has that length. */
  private final long[] shapes = new long[27];

  private WordSet(List<String> given, List<Integer> wordValues) {
    List<String> list = new ArrayList<>(given.size());
    for (String w : given) {
      list.add(fold(w));
    }
    int size = Integer.highestOneBit(Math.max(16, list.size() * 4));
    slots = new int[size * 2];
    mask = size - 1;
    words = new String[list.size()];
    values = new int[list.size()];
    int count = 0;
    for (int k = 0; k < list.size(); k++) {
      String w = list.get(k);
      int h = hash(w, 0, w.length());
      int i = h & mask;
      while (slots[2 * i + 1] != 0 && !words[slots[2 * i + 1] - 1].equals(w)) {
        i = (i + 1) & mask;
      }
      if (w.length() < 64 && !w.isEmpty()) {
        shapes[slot(w.charAt(0))] |= 1L << w.length();
      }
      if (slots[2 * i + 1] == 0) {
        words[count] = w;
        values[count] = wordValues == null ? 0 : wordValues.get(k);
        slots[2 * i] = h;
        slots[2 * i + 1] = ++count;
        int f = filterBit(h);
        filter[f >>> 6] |= 1L << f;
      }
    }
  }

  private static int filterBit(int h) {
    return (h * 0x9E3779B9) >>> 16;
  }

  /** The value of the entry whose hash is {@code h} and whose word is the region, or -1. */
  private int find(int h, CharSequence s, byte[] b, int from, int to) {
    int f = filterBit(h);
    if ((filter[f >>> 6] & (1L << f)) == 0) {
      return -1;
    }
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int entry = slots[2 * i + 1];
      if (entry == 0) {
        return -1;
      }
      if (slots[2 * i] == h) {
        String w = words[entry - 1];
        if (s != null ? equalsIgnoreCase(w, s, from, to) : equalsIgnoreCase(w, b, from, to)) {
          return values[entry - 1];
        }
      }
    }
  }

  /** A set whose words each carry a value, such as the ordinal of the cue they announce. */
  static WordSet withValues(java.util.Map<String, Integer> wordValues) {
    List<String> words = new ArrayList<>();
    List<Integer> vals = new ArrayList<>();
    wordValues.forEach(
        (w, v) -> {
          words.add(w.toLowerCase(java.util.Locale.ROOT));
          vals.add(v);
        });
    return new WordSet(words, vals);
  }

  static WordSet of(String... words) {
    List<String> list = new ArrayList<>();
    for (String w : words) {
      list.add(w.toLowerCase(java.util.Locale.ROOT));
    }
    return new WordSet(list, null);
  }

  /** Loads a class-path resource of one word per line; lines starting with # are comments. */
  static WordSet load(String resource) {
    return new WordSet(lines(resource), null);
  }

  /** The words of a class-path resource, lower case, without comments and blank lines. */
  static List<String> lines(String resource) {
    List<String> list = new ArrayList<>();
    try (InputStream in = WordSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing dictionary resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          list.add(w.toLowerCase(java.util.Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary resource " + resource, e);
    }
    return list;
  }

  /** The value of the word {@code from..to} of {@code s}, or -1 when it is not in the set. */
  int valueOf(CharSequence s, int from, int to) {
    if (s instanceof Latin1Text t) {
      return valueOf(t.bytes(), t.offset() + from, t.offset() + to);
    }
    int len = to - from;
    if (len <= 0 || len >= 64 || (shapes[slot(s.charAt(from))] & (1L << len)) == 0) {
      return -1;
    }
    return find(hash(s, from, to), s, null, from, to);
  }

  /** The value of the Latin-1 bytes {@code from..to}, in any case or accent, or -1 when absent. */
  int valueOf(byte[] b, int from, int to) {
    int len = to - from;
    if (len <= 0 || len >= 64 || (shapes[slot((char) (b[from] & 0xFF))] & (1L << len)) == 0) {
      return -1;
    }
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + lower((char) (b[k] & 0xFF));
    }
    return find(h ^ (h >>> 16), null, b, from, to);
  }

  boolean contains(CharSequence s) {
    return contains(s, 0, s.length());
  }

  /** Whether the characters {@code from..to} of {@code s}, in any case, are a word of the set. */
  boolean contains(CharSequence s, int from, int to) {
    return valueOf(s, from, to) >= 0;
  }

  private static boolean equalsIgnoreCase(String w, CharSequence s, int from, int to) {
    if (w.length() != to - from) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (w.charAt(k) != lower(s.charAt(from + k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsIgnoreCase(String w, byte[] b, int from, int to) {
    if (w.length() != to - from) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (w.charAt(k) != lower((char) (b[from + k] & 0xFF))) {
        return false;
      }
    }
    return true;
  }

  private static int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + lower(s.charAt(k));
    }
    return h ^ (h >>> 16);
  }

  /** A word as the set compares it: each character through {@link #lower}. */
  private static String fold(String w) {
    char[] out = new char[w.length()];
    for (int k = 0; k < out.length; k++) {
      out[k] = lower(w.charAt(k));
    }
    return new String(out);
  }

  private static int slot(char c) {
    char l = lower(c);
    return l >= 'a' && l <= 'z' ? l - 'a' : 26;
  }

  /**
   * A Latin-1 character in lower case and without its accent ('É' and 'é' are 'e', 'Ñ' is 'n'), so
   * that "José" and "Zoë" are the listed "jose" and "zoe"; other characters as they are.
   */
  private static char lower(char c) {
    return c < 256 ? FOLD[c] : c;
  }

  private static final char[] FOLD = new char[256];

  static {
    String from = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    String to = "aaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyy";
    for (char c = 0; c < 256; c++) {
      FOLD[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    for (int k = 0; k < from.length(); k++) {
      FOLD[from.charAt(k)] = to.charAt(k);
    }
  }
}
