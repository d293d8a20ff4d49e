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
import org.bdr.repo.BlobType;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;

/**
 * Reads one file once, cuts it into chunks, hashes each chunk and stores the chunks the repository
 * lacks. Large chunks are compressed and sealed on the blob pool while reading goes on; a bounded
 * number of chunks is in flight at any time, so memory stays bounded.
 */
final class FileSaver {

  /** What saving one file produced. */
  record Saved(List<String> content, long bytesRead, long bytesAdded) {}

  private static final int READ_SIZE = 1 << 20;
  private static final int INLINE_LIMIT = 256 * 1024;

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
    Chunker chunker = new Chunker(polynomial);
    chunker.reset();
    List<Future<Id>> ids = new ArrayList<>();
    long[] added = new long[1];
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
        progress.bytesProcessed(n);
        int scan = len;
        len += n;
        while (scan < len) {
          int cut = chunker.next(buf, scan, len - scan);
          if (cut < 0) {
            break;
          }
          int end = scan + cut;
          ids.add(store(buf, end, added));
          System.arraycopy(buf, end, buf, 0, len - end);
          len -= end;
          scan = 0;
        }
      }
    }
    if (len > 0) {
      ids.add(store(buf, len, added));
    }
    return new Saved(await(ids), read, added[0]);
  }

  private Future<Id> store(byte[] buf, int len, long[] added) throws IOException {
    if (len <= INLINE_LIMIT) {
      Id id = Id.hash(buf, 0, len);
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
              Id id = Id.hash(chunk);
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
