package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-file set of values the detector found clean: exact, keyed by cue, bounded. */
class CleanValuesTest {

  private static Latin1Text text(String s) {
    return Latin1Text.of(s);
  }

  @Test
  void keptValues_areFoundAfterTheTableGrows_andOnlyUnderTheirCue() {
    CleanValues clean = new CleanValues();
    for (int i = 0; i < 3000; i++) {
      Latin1Text v = text("display text " + i);
      clean.add(CleanValues.hash(v, Cue.NONE), v, Cue.NONE);
    }

    for (int i = 0; i < 3000; i++) {
      Latin1Text v = text("display text " + i);
      assertThat(clean.contains(CleanValues.hash(v, Cue.NONE), v, Cue.NONE)).isTrue();
      assertThat(clean.contains(CleanValues.hash(v, Cue.SSN), v, Cue.SSN)).isFalse();
    }
    Latin1Text other = text("display text 3000");
    assertThat(clean.contains(CleanValues.hash(other, Cue.NONE), other, Cue.NONE)).isFalse();
  }

  @Test
  void beyondTheBounds_valuesAreNotKept() {
    CleanValues clean = new CleanValues();
    for (int i = 0; i < CleanValues.MAX_VALUES + 10; i++) {
      Latin1Text v = text("v" + i);
      clean.add(CleanValues.hash(v, Cue.NONE), v, Cue.NONE);
    }
    Latin1Text last = text("v" + (CleanValues.MAX_VALUES + 5));
    Latin1Text first = text("v0");
    Latin1Text tooLong = text("x".repeat(CleanValues.MAX_LENGTH + 1));
    clean.add(CleanValues.hash(tooLong, Cue.NONE), tooLong, Cue.NONE);

    assertThat(clean.contains(CleanValues.hash(first, Cue.NONE), first, Cue.NONE)).isTrue();
    assertThat(clean.contains(CleanValues.hash(last, Cue.NONE), last, Cue.NONE)).isFalse();
    assertThat(clean.contains(CleanValues.hash(tooLong, Cue.NONE), tooLong, Cue.NONE)).isFalse();
  }

  @Test
  void viewsIntoLargerBuffers_compareByTheirOwnBytes() {
    CleanValues clean = new CleanValues();
    byte[] line = "code,Body Height,cm".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Latin1Text view = new Latin1Text(line, 5, 11);
    clean.add(CleanValues.hash(view, Cue.NONE), view, Cue.NONE);

    Latin1Text same = text("Body Height");
    Latin1Text longer = text("Body Heights");
    assertThat(clean.contains(CleanValues.hash(same, Cue.NONE), same, Cue.NONE)).isTrue();
    assertThat(clean.contains(CleanValues.hash(longer, Cue.NONE), longer, Cue.NONE)).isFalse();
  }

  @Test
  void hash_sameBytesAnywhere_isTheSame() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 2000; round++) {
      int n = random.nextInt(40);
      byte[] value = new byte[n];
      random.nextBytes(value);
      int before = random.nextInt(12);
      byte[] buffer = new byte[before + n + random.nextInt(12)];
      random.nextBytes(buffer);
      System.arraycopy(value, 0, buffer, before, n);
      long alone = CleanValues.hash(new Latin1Text(value, 0, n), Cue.DATE);
      assertThat(CleanValues.hash(new Latin1Text(buffer, before, n), Cue.DATE))
          .as("%d bytes at %d", n, before)
          .isEqualTo(alone);
      if (n > 0) {
        byte[] changed = value.clone();
        changed[n - 1] ^= 1;
        assertThat(CleanValues.hash(new Latin1Text(changed, 0, n), Cue.DATE)).isNotEqualTo(alone);
      }
    }
  }
}
