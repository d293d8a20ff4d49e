package org.bdr.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BlobIndexTest {

  @Property(tries = 20)
  void add_manyBlobs_everyOneFoundWithItsLocation(
      @ForAll @IntRange(min = 1, max = 20000) int n, @ForAll long seed) {
    Random rnd = new Random(seed);
    BlobIndex index = new BlobIndex();
    Map<Id, BlobLocation> expected = new HashMap<>();
    Id pack = randomId(rnd);
    for (int i = 0; i < n; i++) {
      if (i % 100 == 0) {
        pack = randomId(rnd);
      }
      BlobLocation loc =
          new BlobLocation(
              BlobType.DATA,
              randomId(rnd),
              pack,
              rnd.nextInt(1 << 24),
              rnd.nextInt(1 << 20),
              rnd.nextBoolean() ? rnd.nextInt(1 << 20) : 0);
      assertThat(index.add(loc)).isTrue();
      expected.put(loc.id(), loc);
    }
    assertThat(index.size()).isEqualTo(n);
    expected.forEach((id, loc) -> assertThat(index.get(BlobType.DATA, id)).isEqualTo(loc));
    assertThat(index.get(BlobType.DATA, randomId(rnd))).isNull();
  }

  @Test
  void add_sameIdAsDataAndTree_keepsBoth() {
    Id id = randomId(new Random(1));
    Id pack = randomId(new Random(2));
    BlobIndex index = new BlobIndex();
    index.add(new BlobLocation(BlobType.DATA, id, pack, 0, 50, 0));
    index.add(new BlobLocation(BlobType.TREE, id, pack, 50, 60, 0));
    assertThat(index.get(BlobType.DATA, id).length()).isEqualTo(50);
    assertThat(index.get(BlobType.TREE, id).length()).isEqualTo(60);
    assertThat(index.add(new BlobLocation(BlobType.DATA, id, pack, 0, 50, 0))).isFalse();
  }

  private static Id randomId(Random rnd) {
    return new Id(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
  }
}
