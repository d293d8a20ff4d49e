package org.bdr.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bdr.phi.FileResult;
import org.bdr.phi.FileScan;
import org.bdr.phi.PhiScanner;
import org.bdr.phi.ScanOptions;
import org.bdr.phi.Sensitivity;

/**
 * Measures how many MB of text per second one core scans, through the streaming entry point the
 * backup uses ({@link PhiScanner#open}, fed 1 MiB buffers). For each kind of corpus file (plain
 * text, CSV, FHIR JSON, C-CDA XML, HL7 v2) the files of that kind are concatenated and repeated to
 * about 48 MB, cut at line ends into files of at most {@link #FILE_MB} MB (below the buffering cap,
 * so each is read through its structure, and few enough findings per file that none reaches the
 * findings cap), then scanned after a warm-up; the median of five runs is printed. Time is the
 * scanning thread's CPU time, so the figure is per core even on a busy machine. The last column
 * counts files that still reached the findings cap, whose dropped findings cost less than kept
 * ones: it should read 0.
 *
 * <p>Usage: {@code PhiThroughputBench [corpus folder] [MB per sample] [kind]}.
 */
public final class PhiThroughputBench {

  private static final int BUF = 1 << 20;
  private static final int FILE_MB = 16;
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static String only;

  private PhiThroughputBench() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
    int mb = args.length > 1 ? Integer.parseInt(args[1]) : 48;
    PhiScanner scanner = new PhiScanner(new ScanOptions(Sensitivity.MEDIUM, false));
    System.out.printf("%-10s %8s %10s %9s %7s%n", "kind", "MB", "MB/s", "findings", "capped");
    only = args.length > 2 ? args[2] : null;
    baseline(sample(corpus, "synthea/text", ".txt", mb));
    run(scanner, "text", sample(corpus, "synthea/text", ".txt", mb), "notes.txt");
    run(scanner, "csv", sample(corpus, "synthea/csv", "observations.csv", mb), "rows.csv");
    run(scanner, "json", sample(corpus, "synthea/fhir-ndjson", ".ndjson", mb), "bulk.ndjson");
    run(scanner, "xml", sample(corpus, "synthea/ccda", ".xml", mb), "doc.xml");
    run(scanner, "hl7", sample(corpus, "fhir-converter-samples/hl7v2", ".hl7", mb), "msgs.hl7");
  }

  /** Concatenates the matching files, repeated to about {@code mb} megabytes. */
  private static byte[] sample(Path corpus, String folder, String suffix, int mb)
      throws IOException {
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(corpus.resolve(folder))) {
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
        one.write(Files.readAllBytes(f));
        one.write('\n');
      }
    }
    byte[] unit = one.toByteArray();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    while (all.size() < mb * 1_000_000L) {
      all.write(unit);
    }
    return all.toByteArray();
  }

  /**
   * Scans the sample as files of at most {@link #FILE_MB} MB named like {@code name}; the format of
   * each is detected from its name and first bytes, as for any file.
   */
  private static void run(PhiScanner scanner, String kind, byte[] data, String name) {
    if (only != null && !only.equals(kind)) {
      return;
    }
    scanAll(scanner, data, name);
    List<Double> rates = new ArrayList<>();
    int[] counts = {0, 0};
    for (int r = 0; r < 5; r++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      counts = scanAll(scanner, data, name);
      double secs = (CPU.getCurrentThreadCpuTime() - t0) / 1e9;
      rates.add(data.length / 1e6 / secs);
    }
    rates.sort(Double::compare);
    System.out.printf(
        Locale.ROOT,
        "%-10s %8.1f %10.1f %9d %7d%n",
        kind,
        data.length / 1e6,
        rates.get(2),
        counts[0],
        counts[1]);
  }

  /** Scans the sample file by file; returns the findings and the files that reached the cap. */
  private static int[] scanAll(PhiScanner scanner, byte[] data, String name) {
    int findings = 0;
    int capped = 0;
    for (int from = 0; from < data.length; ) {
      int to = fileEnd(data, from);
      FileResult r = scan(scanner, data, from, to, name);
      findings += r.findings().size();
      capped += r.reason() != null && r.reason().contains("not kept") ? 1 : 0;
      from = to;
    }
    return new int[] {findings, capped};
  }

  /** Where the file starting at {@code from} ends: after the last line end within the size. */
  private static int fileEnd(byte[] data, int from) {
    int limit = (int) Math.min(data.length, from + FILE_MB * 1_000_000L);
    if (limit == data.length) {
      return limit;
    }
    for (int i = limit - 1; i > from; i--) {
      if (data[i] == '\n') {
        return i + 1;
      }
    }
    return limit;
  }

  /**
   * Calibrates the machine: a plain byte loop that counts words and digits, the least any text
   * scanner must do. On a shared, busy machine every figure drops; compare the rows to this one.
   */
  private static void baseline(byte[] data) {
    if (only != null && !only.equals("baseline")) {
      return;
    }
    List<Double> rates = new ArrayList<>();
    long words = 0;
    for (int r = 0; r < 6; r++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      words = countWords(data);
      double secs = (CPU.getCurrentThreadCpuTime() - t0) / 1e9;
      rates.add(data.length / 1e6 / secs);
    }
    rates.sort(Double::compare);
    System.out.printf(
        Locale.ROOT,
        "%-10s %8.1f %10.1f %9s%n",
        "baseline",
        data.length / 1e6,
        rates.get(3),
        words > 0 ? "-" : "0");
  }

  private static long countWords(byte[] b) {
    long words = 0;
    boolean inWord = false;
    for (byte x : b) {
      int c = (x & 0xFF) | 32;
      boolean letter = c >= 'a' && c <= 'z';
      words += letter && !inWord ? 1 : 0;
      inWord = letter;
    }
    return words;
  }

  private static FileResult scan(PhiScanner scanner, byte[] data, int from, int to, String name) {
    FileScan scan = scanner.open(name);
    for (int off = from; off < to; off += BUF) {
      scan.update(data, off, Math.min(BUF, to - off));
    }
    return scan.finish();
  }
}
