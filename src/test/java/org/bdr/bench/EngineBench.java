package org.bdr.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bdr.chunker.Chunker;
import org.bdr.chunker.Polynomial;
import org.bdr.crypto.AuthenticationException;
import org.bdr.crypto.MasterKey;
import org.bdr.repo.Id;
import org.bdr.repo.Timestamps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core engine's per-byte work on 1 MiB of random data: content-defined chunking, sealing and
 * opening (AES-256-CTR with Poly1305-AES), and SHA-256 blob ids; and the per-file timestamp text of
 * a backup, by hand and through {@code java.time}. Throughput is 1 MiB per operation for the byte
 * benchmarks. Run with {@code bench/jmh.sh EngineBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {

  private static final int MIB = 1 << 20;

  private byte[] data;
  private byte[] big;
  private byte[] sealed;
  private MasterKey key;
  private Chunker chunker;
  private Instant instant;

  @Setup(Level.Trial)
  public void setUp() {
    data = new byte[MIB];
    new Random(42).nextBytes(data);
    big = new byte[16 * MIB];
    new Random(43).nextBytes(big);
    key = MasterKey.random();
    sealed = key.seal(data);
    chunker = new Chunker(Polynomial.random(new SecureRandom()));
    instant = Instant.ofEpochSecond(1_717_236_000L, 123_456_789);
  }

  /** Cuts 16 MiB into chunks; returns the number of cuts. */
  @Benchmark
  public int chunk16MiB() {
    chunker.reset();
    int cuts = 0;
    int off = 0;
    while (off < big.length) {
      int cut = chunker.next(big, off, big.length - off);
      if (cut < 0) {
        break;
      }
      off += cut;
      cuts++;
    }
    return cuts;
  }

  @Benchmark
  public byte[] seal() {
    return key.seal(data);
  }

  @Benchmark
  public byte[] open() throws AuthenticationException {
    return key.open(sealed);
  }

  @Benchmark
  public Id sha256() {
    return Id.hash(data);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String timestampByHand() {
    return Timestamps.format(instant);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String timestampJavaTime() {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.atZone(ZoneId.systemDefault()).toOffsetDateTime());
  }
}
