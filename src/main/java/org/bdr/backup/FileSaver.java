package org.bdr.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.bdr.chunker.Chunker;
import org.bdr.chunker.Polynomial;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.phi.FileResult;
import org.bdr.phi.FileScan;
import org.bdr.repo.BlobType;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;

/**
 * Reads one file once, cuts it into chunks, hashes each chunk and stores the chunks the repository
 * lacks. Large chunks are compressed and sealed on the blob pool while reading goes on; a bounded
 * number of chunks is in flight at any time, so memory stays bounded.
 *
 * <p>When the backup scans for PHI, the buffers the chunker reads feed the file's {@link FileScan}
 * as well. Under the block policy no chunk of a file is stored before its scan has ended clean: a
 * file's chunks are held in memory up to {@link #HOLD_LIMIT} bytes and stored once the scan passes;
 * a larger file is read a first time to scan it and note its chunk ids, and only if it is clean a
 * second time to store chunks that must match those ids, so nothing unscanned reaches the
 * repository.
 */
final class FileSaver {

  /**
   * What saving one file produced.
   *
   * @param content the ids of its chunks, empty when blocked
   * @param bytesRead the file's size as read
   * @param bytesAdded bytes added to the repository
   * @param scan what the PHI scan found; null when the backup does not scan
   * @param blocked whether the block policy kept the file's data out of the repository
   */
  record Saved(
      List<String> content, long bytesRead, long bytesAdded, FileResult scan, boolean blocked) {}

  /** The most bytes of one file the block policy holds in memory while its scan runs. */
  static final int HOLD_LIMIT = 8 << 20;

  private static final int READ_SIZE = 1 << 20;
  private static final int INLINE_LIMIT = 256 * 1024;

  /** Receives a file's chunks in order; {@code buf} is valid only during the call. */
  @FunctionalInterface
  private interface ChunkSink {
    void chunk(byte[] buf, int len) throws IOException;
  }

  private final Repository repo;
  private final Polynomial polynomial;
  private final ExecutorService blobPool;
  private final Semaphore inFlight;
  private final BooleanSupplier cancelled;
  private final BackupProgress progress;

  FileSaver(
      Repository repo,
      Polynomial polynomial,
      ExecutorService blobPool,
      int maxInFlight,
      BooleanSupplier cancelled,
      BackupProgress progress) {
    this.repo = repo;
    this.polynomial = polynomial;
    this.blobPool = blobPool;
    this.inFlight = new Semaphore(maxInFlight);
    this.cancelled = cancelled;
    this.progress = progress;
  }

  /**
   * Reads and stores one file.
   *
   * @param expectedSize the size the file had when listed; sizes the first buffer
   */
  Saved save(Path path, long expectedSize) throws IOException {
    return save(path, expectedSize, null, false);
  }

  /**
   * Reads and stores one file, feeding {@code scan} (may be null) with the same buffers.
   *
   * @param block whether a file with findings, or one the scan could not read, must not be stored
   */
  Saved save(Path path, long expectedSize, FileScan scan, boolean block) throws IOException {
    long[] added = new long[1];
    if (scan != null && block) {
      return saveIfClean(path, expectedSize, scan, added);
    }
    List<Future<Id>> ids = new ArrayList<>();
    long read = read(path, expectedSize, scan, true, (b, n) -> ids.add(store(null, b, n, added)));
    FileResult result = scan == null ? null : PhiFeed.finish(scan);
    return new Saved(await(ids), read, added[0], result, false);
  }

  /** The block policy: stores the file only after its scan ended without findings. */
  private Saved saveIfClean(Path path, long expectedSize, FileScan scan, long[] added)
      throws IOException {
    List<Id> ids = new ArrayList<>();
    List<byte[]> held = new ArrayList<>();
    long[] heldBytes = new long[1];
    long read =
        read(
            path,
            expectedSize,
            scan,
            true,
            (b, n) -> {
              ids.add(Id.hash(b, 0, n));
              heldBytes[0] += n;
              if (heldBytes[0] <= HOLD_LIMIT) {
                held.add(Arrays.copyOf(b, n));
              } else {
                held.clear();
              }
            });
    FileResult result = PhiFeed.finish(scan);
    if (PhiFeed.refused(result)) {
      return new Saved(List.of(), read, 0, result, true);
    }
    List<Future<Id>> stored = new ArrayList<>();
    if (heldBytes[0] <= HOLD_LIMIT) {
      for (int i = 0; i < held.size(); i++) {
        byte[] chunk = held.get(i);
        stored.add(store(ids.get(i), chunk, chunk.length, added));
      }
    } else {
      storeMatching(path, expectedSize, ids, stored, added);
    }
    return new Saved(await(stored), read, added[0], result, false);
  }

  /**
   * Reads a scanned large file again and stores its chunks, each only if it is the chunk the scan
   * saw at that place; a file that changed in between is not stored.
   */
  private void storeMatching(
      Path path, long expectedSize, List<Id> expected, List<Future<Id>> stored, long[] added)
      throws IOException {
    int[] at = new int[1];
    read(
        path,
        expectedSize,
        null,
        false,
        (b, n) -> {
          Id id = Id.hash(b, 0, n);
          if (at[0] >= expected.size() || !id.equals(expected.get(at[0]))) {
            throw changedAfterScan();
          }
          at[0]++;
          stored.add(store(id, b, n, added));
        });
    if (at[0] != expected.size()) {
      throw changedAfterScan();
    }
  }

  private static IOException changedAfterScan() {
    return new IOException("changed after its PHI scan, so it was not stored; back it up again");
  }

  /**
   * Reads a file once, passing each chunk to {@code sink} and every buffer read to {@code scan}
   * (may be null). A failure to read ends the scan as failed.
   *
   * @return the bytes read
   */
  private long read(Path path, long expectedSize, FileScan scan, boolean counted, ChunkSink sink)
      throws IOException {
    Chunker chunker = new Chunker(polynomial);
    chunker.reset();
    long read = 0;
    byte[] buf =
        new byte[(int) Math.min(Chunker.MIN_SIZE + READ_SIZE, Math.max(8192, expectedSize + 1))];
    int len = 0;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      while (true) {
        checkCancelled();
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, Math.min(Chunker.MAX_SIZE + READ_SIZE, buf.length * 2));
        }
        int n = ch.read(ByteBuffer.wrap(buf, len, Math.min(READ_SIZE, buf.length - len)));
        if (n < 0) {
          break;
        }
        read += n;
        if (counted) {
          progress.bytesProcessed(n);
        }
        if (scan != null) {
          PhiFeed.update(scan, buf, len, n);
        }
        int at = len;
        len += n;
        while (at < len) {
          int cut = chunker.next(buf, at, len - at);
          if (cut < 0) {
            break;
          }
          int end = at + cut;
          sink.chunk(buf, end);
          System.arraycopy(buf, end, buf, 0, len - end);
          len -= end;
          at = 0;
        }
      }
      if (len > 0) {
        sink.chunk(buf, len);
      }
    } catch (IOException | RuntimeException e) {
      if (scan != null) {
        scan.fail("the file could not be read whole");
      }
      throw e;
    }
    return read;
  }

  /** Stores a chunk whose id is {@code known}, or hashes it first when that is null. */
  private Future<Id> store(Id known, byte[] buf, int len, long[] added) throws IOException {
    if (len <= INLINE_LIMIT) {
      Id id = known != null ? known : Id.hash(buf, 0, len);
      long n = repo.saveBlob(BlobType.DATA, id, buf, 0, len);
      synchronized (added) {
        added[0] += n;
      }
      return CompletableFuture.completedFuture(id);
    }
    byte[] chunk = Arrays.copyOf(buf, len);
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelledError();
    }
    try {
      return blobPool.submit(
          () -> {
            try {
              Id id = known != null ? known : Id.hash(chunk);
              long n = repo.saveBlob(BlobType.DATA, id, chunk, 0, len);
              synchronized (added) {
                added[0] += n;
              }
              return id;
            } finally {
              inFlight.release();
            }
          });
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  private static List<String> await(List<Future<Id>> ids) throws IOException {
    List<String> out = new ArrayList<>(ids.size());
    for (Future<Id> f : ids) {
      try {
        out.add(f.get().hex());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw cancelledError();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IOException("storing a chunk failed", e.getCause());
      }
    }
    return out;
  }

  private void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw cancelledError();
    }
  }

  static BdrException cancelledError() {
    return new BdrException(
        ErrorCode.CANCELLED,
        "the backup was cancelled; no snapshot was written",
        "run the backup again; data already stored is reused");
  }
}
