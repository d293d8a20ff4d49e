package org.bdr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bdr.phi.FileResult;
import org.bdr.phi.FileScan;
import org.bdr.phi.Finding;
import org.bdr.phi.IdentifierType;
import org.bdr.phi.PhiScanner;
import org.bdr.phi.ScanOptions;
import org.bdr.phi.Sensitivity;

/**
 * Measures the PHI scanner against the labelled corpus: precision, recall and F1 per identifier
 * type and overall, at each sensitivity.
 *
 * <p>A finding matches a label by (file, line, type); in binary DICOM files by (file, tag, type).
 * The labels cover patient identifiers completely but leave clinician names, message timestamps and
 * record UUIDs unlabelled on purpose, so a finding on a place that carries no label at all is
 * counted in its own column ("unlab.") instead of as a false positive. A finding on a labelled
 * place whose labels have other types is a false positive. Findings in file names (line 0) are
 * counted under "unlab." too. The scanner's ZIP counts as the labels' ADDRESS and HEALTH_PLAN as
 * HEALTH_PLAN_ID.
 *
 * <p>Usage: {@code PhiAccuracyBench [corpus folder]}, default {@code ../shared/corpus}.
 */
public final class PhiAccuracyBench {

  private record Place(String file, String where) {}

  private record Key(Place place, String type) {}

  private static final class Tally {
    long tp;
    long fp;
    long fn;
    long unlabelled;
  }

  private final Path corpus;
  private final Set<Key> labels = new HashSet<>();
  private final Set<Place> labelledPlaces = new HashSet<>();
  private final Set<String> files = new LinkedHashSet<>();

  private PhiAccuracyBench(Path corpus) {
    this.corpus = corpus;
  }

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
    PhiAccuracyBench bench = new PhiAccuracyBench(corpus);
    bench.loadLabels("phi-labels.jsonl", "line");
    bench.loadLabels("phi-labels-dicom.jsonl", "tag");
    System.out.printf(
        "corpus: %d labelled files, %d distinct labels%n", bench.files.size(), bench.labels.size());
    for (Sensitivity s : Sensitivity.values()) {
      bench.run(s);
    }
  }

  private void loadLabels(String name, String whereField) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    for (String line : Files.readAllLines(corpus.resolve(name))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(line);
      Place place = new Place(n.get("file").asText(), n.get(whereField).asText());
      labels.add(new Key(place, n.get("type").asText()));
      labelledPlaces.add(place);
      files.add(place.file());
    }
  }

  private void run(Sensitivity sensitivity) throws IOException {
    PhiScanner scanner = new PhiScanner(new ScanOptions(sensitivity, false));
    Set<Key> predicted = new HashSet<>();
    Set<Place> dicomFiles = new HashSet<>();
    int errors = 0;
    long start = System.nanoTime();
    for (String file : files) {
      FileResult r = scanFile(scanner, file);
      if (r.status() != org.bdr.phi.ScanStatus.SCANNED) {
        errors++;
      }
      for (Finding f : r.findings()) {
        boolean dicomPlace = f.line() == 0 && f.field() != null && f.field().startsWith("(");
        String where = dicomPlace ? f.field().toUpperCase(Locale.ROOT) : Long.toString(f.line());
        predicted.add(new Key(new Place(file, where), labelType(f.type())));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    print(sensitivity, tally(predicted), errors, seconds);
    String show = System.getProperty("bench.show");
    if (show != null && sensitivity.name().equals(System.getProperty("bench.at", "MEDIUM"))) {
      showMisses(show, predicted);
    }
  }

  /** Prints where the misses of one type are (file, line), for tuning; -Dbench.show=TYPE. */
  private void showMisses(String type, Set<Key> predicted) {
    int limit = Integer.getInteger("bench.limit", 25);
    List<String> fp = new ArrayList<>();
    List<String> fn = new ArrayList<>();
    for (Key k : predicted) {
      if (k.type().equals(type) && !labels.contains(k) && labelledPlaces.contains(k.place())) {
        fp.add(k.place().file() + ":" + k.place().where());
      }
    }
    for (Key k : labels) {
      if (k.type().equals(type) && !predicted.contains(k)) {
        fn.add(k.place().file() + ":" + k.place().where());
      }
    }
    java.util.Collections.shuffle(fp, new java.util.Random(1));
    java.util.Collections.shuffle(fn, new java.util.Random(1));
    fp.stream().limit(limit).forEach(x -> System.out.println("FP " + x));
    fn.stream().limit(limit).forEach(x -> System.out.println("FN " + x));
  }

  private FileResult scanFile(PhiScanner scanner, String file) throws IOException {
    FileScan scan = scanner.open(file);
    byte[] bytes = Files.readAllBytes(corpus.resolve(file));
    scan.update(bytes, 0, bytes.length);
    return scan.finish();
  }

  private Map<String, Tally> tally(Set<Key> predicted) {
    Map<String, Tally> byType = new TreeMap<>();
    for (Key k : predicted) {
      Tally t = byType.computeIfAbsent(k.type(), x -> new Tally());
      if (labels.contains(k)) {
        t.tp++;
      } else if (labelledPlaces.contains(k.place())) {
        t.fp++;
      } else {
        t.unlabelled++;
      }
    }
    for (Key k : labels) {
      Tally t = byType.computeIfAbsent(k.type(), x -> new Tally());
      if (!predicted.contains(k)) {
        t.fn++;
      }
    }
    return byType;
  }

  private static void print(Sensitivity s, Map<String, Tally> byType, int errors, double secs) {
    System.out.printf("%nSensitivity %s (%d files not SCANNED, %.1f s)%n", s, errors, secs);
    System.out.printf(
        "%-15s %7s %7s %7s %7s %9s %9s %9s %9s%n",
        "type", "labels", "TP", "FP", "FN", "unlab.", "precision", "recall", "F1");
    Tally all = new Tally();
    List<String> types = new ArrayList<>(byType.keySet());
    for (String type : types) {
      Tally t = byType.get(type);
      row(type, t);
      all.tp += t.tp;
      all.fp += t.fp;
      all.fn += t.fn;
      all.unlabelled += t.unlabelled;
    }
    row("OVERALL", all);
  }

  private static void row(String name, Tally t) {
    double p = t.tp + t.fp == 0 ? Double.NaN : (double) t.tp / (t.tp + t.fp);
    double r = t.tp + t.fn == 0 ? Double.NaN : (double) t.tp / (t.tp + t.fn);
    double f1 = 2 * p * r / (p + r);
    System.out.printf(
        "%-15s %7d %7d %7d %7d %9d %9s %9s %9s%n",
        name, t.tp + t.fn, t.tp, t.fp, t.fn, t.unlabelled, fmt(p), fmt(r), fmt(f1));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String labelType(IdentifierType type) {
    return switch (type) {
      case ZIP -> "ADDRESS";
      case HEALTH_PLAN -> "HEALTH_PLAN_ID";
      default -> type.name();
    };
  }
}
