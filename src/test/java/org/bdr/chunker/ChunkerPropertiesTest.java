package org.bdr.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.chunker.Chunker.MAX_SIZE;
import static org.bdr.chunker.Chunker.MIN_SIZE;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChunkerPropertiesTest {

  /** How a stretch of the stream is filled; each kind tends to end chunks in its own way. */
  enum Fill {
    RANDOM,
    ZEROS,
    CONSTANT,
    REPEATED_PATTERN
  }

  /** One stretch of a generated stream. */
  record Stretch(Fill fill, long seed, int size) {
    byte[] bytes() {
      SplittableRandom random = new SplittableRandom(seed);
      byte[] data = new byte[size];
      switch (fill) {
        case RANDOM -> random.nextBytes(data);
        case ZEROS -> {}
        case CONSTANT -> Arrays.fill(data, (byte) random.nextInt(256));
        case REPEATED_PATTERN -> {
          byte[] pattern = new byte[1 + random.nextInt(100)];
          random.nextBytes(pattern);
          for (int i = 0; i < size; i++) {
            data[i] = pattern[i % pattern.length];
          }
        }
      }
      return data;
    }
  }

  @Property(tries = 30)
  void next_randomStreamAndSplits_sameBoundariesAsOneBuffer(
      @ForAll("polynomials") Polynomial pol,
      @ForAll("streams") List<Stretch> stretches,
      @ForAll("bufferSizes") List<Integer> sizes) {
    byte[] data = concat(stretches);

    List<Integer> split =
        Feeder.lengths(pol, data, sizes.stream().mapToInt(Integer::intValue).toArray());

    assertThat(split).isEqualTo(Feeder.lengths(pol, data, Math.max(1, data.length)));
  }

  @Property(tries = 30)
  void next_randomStream_chunksWithinBoundsAndCoverStream(
      @ForAll("polynomials") Polynomial pol, @ForAll("streams") List<Stretch> stretches) {
    byte[] data = concat(stretches);

    List<Integer> chunks = Feeder.lengths(pol, data, 1 << 20);

    assertThat(chunks.stream().mapToLong(Integer::longValue).sum()).isEqualTo(data.length);
    if (!chunks.isEmpty()) {
      assertThat(chunks.subList(0, chunks.size() - 1))
          .allSatisfy(n -> assertThat(n).isBetween(MIN_SIZE, MAX_SIZE));
      assertThat(chunks.get(chunks.size() - 1)).isBetween(1, MAX_SIZE);
    }
  }

  @Provide
  Arbitrary<Polynomial> polynomials() {
    return Arbitraries.of("3da3358b4dc173", "2482734cacca49", "37b4d17581c083")
        .map(Polynomial::parseHex);
  }

  @Provide
  Arbitrary<List<Stretch>> streams() {
    Arbitrary<Stretch> stretch =
        Combinators.combine(
                Arbitraries.of(Fill.class),
                Arbitraries.longs(),
                Arbitraries.integers().between(0, MAX_SIZE + 2 * MIN_SIZE))
            .as(Stretch::new);
    // Long enough that constant and repeated stretches reach MAX_SIZE without a cut.
    return stretch.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Integer>> bufferSizes() {
    return Arbitraries.integers().between(1, 3 * MIN_SIZE).list().ofMinSize(1).ofMaxSize(6);
  }

  private static byte[] concat(List<Stretch> stretches) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stretches.forEach(s -> stream.writeBytes(s.bytes()));
    return stream.toByteArray();
  }
}
