package org.bdr.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bdr.chunker.Chunker.MAX_SIZE;
import static org.bdr.chunker.Chunker.MIN_SIZE;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkerTest {

  private static final Polynomial POL = Polynomial.parseHex("3da3358b4dc173");

  // Random stretches cut by content, a constant stretch that only MAX_SIZE cuts, and zeros that
  // cut at every MIN_SIZE: all three ways a chunk can end, in one stream.
  private static byte[] mixed;
  private static List<Integer> mixedInOneBuffer;

  @BeforeAll
  static void buildMixedStream() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(Feeder.randomBytes(1, 20 * 1024 * 1024));
    stream.writeBytes(constant(noCutByte(), 2 * MAX_SIZE + 12_345));
    stream.writeBytes(new byte[3 * MIN_SIZE + 77]);
    stream.writeBytes(Feeder.randomBytes(2, 9 * 1024 * 1024 + 3));
    mixed = stream.toByteArray();
    mixedInOneBuffer = Feeder.lengths(POL, mixed, mixed.length);
  }

  @Test
  void next_mixedStreamInOneBuffer_chunksCoverStreamWithinBounds() {
    List<Integer> chunks = mixedInOneBuffer;

    assertThat(chunks.stream().mapToLong(Integer::longValue).sum()).isEqualTo(mixed.length);
    assertThat(chunks.subList(0, chunks.size() - 1))
        .allSatisfy(n -> assertThat(n).isBetween(MIN_SIZE, MAX_SIZE));
    assertThat(chunks).as("constant stretch cut at the maximum").contains(MAX_SIZE);
    assertThat(chunks).as("zeros cut at the minimum").contains(MIN_SIZE);
    assertThat(chunks).as("random data cut by content").anyMatch(n -> n > MIN_SIZE && n < MAX_SIZE);
  }

  static Stream<Arguments> bufferSplits() {
    return Stream.of(
        Arguments.of("restic's 512 KiB reads", new int[] {512 * 1024}),
        Arguments.of("64 KiB reads", new int[] {64 * 1024}),
        Arguments.of("one window at a time", new int[] {RabinTables.WINDOW_SIZE}),
        Arguments.of(
            "ending where hashing starts", new int[] {MIN_SIZE - RabinTables.WINDOW_SIZE, 1, 63}),
        Arguments.of("exactly the minimum", new int[] {MIN_SIZE}),
        Arguments.of("one past the maximum", new int[] {MAX_SIZE + 1}),
        Arguments.of("odd sizes", new int[] {1, 7, 65_521, 1_048_573, 2}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bufferSplits")
  void next_splitAcrossBuffers_sameBoundaries(String name, int[] sizes) {
    assertThat(Feeder.lengths(POL, mixed, sizes)).isEqualTo(mixedInOneBuffer);
  }

  @Test
  void next_zeros_cutAtEveryMinSize() {
    byte[] zeros = new byte[4 * MIN_SIZE + 10];

    assertThat(Feeder.lengths(POL, zeros, 1 << 20))
        .containsExactly(MIN_SIZE, MIN_SIZE, MIN_SIZE, MIN_SIZE, 10);
  }

  @Test
  void next_constantWindowWithoutZeroBits_cutsAtMaxSize() {
    byte[] data = constant(noCutByte(), 2 * MAX_SIZE + 100);

    assertThat(Feeder.lengths(POL, data, 1 << 20)).containsExactly(MAX_SIZE, MAX_SIZE, 100);
  }

  @Test
  void next_shortStream_oneChunk() {
    byte[] data = Feeder.randomBytes(3, 4096);

    assertThat(Feeder.lengths(POL, data, 1000)).containsExactly(4096);
  }

  @Test
  void digest_eachByteAfterMinimumSkip_equalsFingerprintOfWindow() {
    byte[] data = Feeder.randomBytes(4, MIN_SIZE + 4096);
    Chunker chunker = new Chunker(POL);
    int hashFrom = MIN_SIZE - RabinTables.WINDOW_SIZE;
    assertThat(chunker.next(data, 0, hashFrom)).isEqualTo(-1);

    // The window starts as a lone 1 byte followed by the hashed bytes; earlier zeros add nothing.
    byte[] slidIn = new byte[data.length - hashFrom + 1];
    slidIn[0] = 1;
    System.arraycopy(data, hashFrom, slidIn, 1, data.length - hashFrom);
    int checked = 0;
    for (int i = 1; i < slidIn.length && chunker.next(slidIn, i, 1) == -1; i++) {
      int windowStart = Math.max(0, i + 1 - RabinTables.WINDOW_SIZE);
      assertThat(chunker.digest())
          .as("after %d hashed bytes", i)
          .isEqualTo(Fingerprint.of(POL, slidIn, windowStart, i + 1));
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void reset_midChunk_startsNewStream() {
    byte[] data = Feeder.randomBytes(5, 6 * 1024 * 1024);
    Chunker chunker = new Chunker(POL);
    chunker.next(Feeder.randomBytes(6, MIN_SIZE + 1000), 0, MIN_SIZE + 1000);

    chunker.reset();

    int first = chunker.next(data, 0, data.length);
    assertThat(first).isEqualTo(Feeder.lengths(POL, data, data.length).get(0));
  }

  @Test
  void next_emptyRange_continuesChunk() {
    Chunker chunker = new Chunker(POL);

    assertThat(chunker.next(new byte[0], 0, 0)).isEqualTo(-1);
    assertThat(chunker.next(new byte[10], 10, 0)).isEqualTo(-1);
  }

  @Test
  void next_rangeOutsideBuffer_throws() {
    Chunker chunker = new Chunker(POL);

    assertThatThrownBy(() -> chunker.next(new byte[10], 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> chunker.next(new byte[10], -1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void new_samePolynomialTwice_sharesTables() {
    Polynomial copy = Polynomial.parseHex(POL.toHex());

    assertThat(RabinTables.of(copy)).isSameAs(RabinTables.of(POL));
    assertThat(RabinTables.of(Polynomial.parseHex("2482734cacca49")))
        .isNotSameAs(RabinTables.of(POL));
  }

  /** A byte whose 64-fold window has a fingerprint with non-zero low bits, so it never cuts. */
  private static byte noCutByte() {
    return (byte)
        IntStream.range(1, 256)
            .filter(b -> (Fingerprint.ofConstantWindow(POL, (byte) b) & 0xfffff) != 0)
            .findFirst()
            .orElseThrow();
  }

  private static byte[] constant(byte b, int size) {
    byte[] data = new byte[size];
    Arrays.fill(data, b);
    return data;
  }
}
