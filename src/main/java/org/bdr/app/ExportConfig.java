package org.bdr.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.Id;
import org.bdr.repo.Snapshot;

/**
 * Describes how a repository is used, for a person to keep or an auditor to read: where it is,
 * which sources are backed up with which excludes, and the retention policy. It holds no secret:
 * the password source is named by kind only (keychain, password file, password command,
 * environment), never with the password, the file's path or the command.
 */
public final class ExportConfig {

  /** The formats {@link #run} writes. */
  public static final List<String> FORMATS = List.of("json", "yaml", "markdown");

  /**
   * An exported configuration.
   *
   * @param format json, yaml or markdown
   * @param text the configuration in that format
   * @param config the same facts as values
   */
  public record Export(String format, String text, Config config) {}

  /**
   * The configuration.
   *
   * @param repository where the backups are kept
   * @param sources what is backed up, one entry per host and set of paths, sorted by host
   * @param retention the policy for keeping snapshots
   */
  public record Config(Repository repository, List<Source> sources, Retention retention) {

    /** Copies the sources. */
    public Config {
      sources = List.copyOf(sources);
    }
  }

  /**
   * The repository.
   *
   * @param location its folder
   * @param version its format version (restic's; 2 compresses)
   * @param compression {@code zstd} or {@code none}
   * @param id the first 8 hex digits of its id
   * @param passwordSource where its password came from this time, by kind only: keychain, password
   *     file, password command or environment
   */
  public record Repository(
      String location, int version, String compression, String id, String passwordSource) {}

  /**
   * One backed-up source: a host's set of paths, as its snapshots record them.
   *
   * @param host the machine
   * @param paths the backed-up paths, sorted
   * @param excludes the exclude patterns of the newest snapshot; null when unknown (a snapshot
   *     another program wrote that records none: restic records only its {@code --exclude}
   *     patterns, not exclude files or other filters)
   * @param lastBackup when the newest snapshot started, RFC 3339
   * @param snapshots how many snapshots there are
   * @param label the newest snapshot's label, or null
   */
  public record Source(
      String host,
      List<String> paths,
      List<String> excludes,
      String lastBackup,
      int snapshots,
      String label) {

    /** Copies the lists. */
    public Source {
      paths = List.copyOf(paths);
      excludes = excludes == null ? null : List.copyOf(excludes);
    }
  }

  /**
   * The retention policy the design sets. bdr has no forget or prune yet, so nothing applies it:
   * {@code applied} is false and every snapshot is kept.
   *
   * @param keepDaily the newest snapshot of each of this many last days is kept
   * @param keepWeekly the same for weeks
   * @param keepMonthly the same for months
   * @param protectedNeverRemoved whether protected snapshots are never removed
   * @param phiKeptLonger whether snapshots tagged as holding PHI are kept longer
   * @param trashBeforePrune whether forgotten snapshots go to a trash first, recoverable for a
   *     window before their data is pruned
   * @param applied whether bdr removes snapshots by this policy now
   * @param status what that means for the practice, in a sentence
   */
  public record Retention(
      int keepDaily,
      int keepWeekly,
      int keepMonthly,
      boolean protectedNeverRemoved,
      boolean phiKeptLonger,
      boolean trashBeforePrune,
      boolean applied,
      String status) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public ExportConfig(RepositoryOpener opener) {
    this.opener = opener;
  }

  /**
   * Exports the configuration.
   *
   * @param format json, yaml or markdown (any case); null means json
   * @throws BdrException INVALID_ARGUMENT naming {@code format} and the allowed values
   */
  public Export run(RepositoryOptions options, String format) throws IOException {
    String chosen = format == null ? "json" : format.trim().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(chosen)) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "format '" + format + "' is not supported; format must be one of " + FORMATS,
          "choose format json, yaml or markdown");
    }
    OpenRepository open = opener.open(options, false);
    org.bdr.repo.Repository repo = open.repository();
    Config config =
        new Config(
            new Repository(
                repo.backend().location(),
                repo.config().version(),
                repo.config().version() >= 2 ? "zstd" : "none",
                repo.config().id().substring(0, Math.min(8, repo.config().id().length())),
                open.passwordSource()),
            sources(repo.snapshots()),
            policy());
    return new Export(chosen, render(chosen, config), config);
  }

  /** The design's policy: 7 daily, 4 weekly, 12 monthly; not applied until bdr can forget. */
  static Retention policy() {
    return new Retention(
        7,
        4,
        12,
        true,
        true,
        true,
        false,
        "not applied yet: bdr has no forget or prune, so every snapshot is kept until one is"
            + " removed by hand (restic forget --prune works on this repository)");
  }

  private static List<Source> sources(Map<Id, Snapshot> snapshots) {
    Map<String, List<Snapshot>> groups = new LinkedHashMap<>();
    for (Snapshot s : snapshots.values()) {
      List<String> paths = s.paths().stream().sorted().toList();
      groups.computeIfAbsent(s.hostname() + "\n" + paths, k -> new ArrayList<>()).add(s);
    }
    List<Source> out = new ArrayList<>();
    for (List<Snapshot> group : groups.values()) {
      Snapshot newest = group.stream().max(Comparator.comparing(Snapshot::startTime)).orElseThrow();
      boolean unknown = newest.bdr() == null && newest.excludes().isEmpty();
      out.add(
          new Source(
              newest.hostname() == null ? "" : newest.hostname(),
              newest.paths().stream().sorted().toList(),
              unknown ? null : newest.excludes(),
              newest.time(),
              group.size(),
              newest.bdr() == null ? null : newest.bdr().label()));
    }
    out.sort(Comparator.comparing(Source::host).thenComparing(s -> String.join("\n", s.paths())));
    return out;
  }

  private static String render(String format, Config config) throws JsonProcessingException {
    return switch (format) {
      case "json" -> JSON.writeValueAsString(config) + "\n";
      case "yaml" -> YAML.writeValueAsString(config);
      default -> ConfigMarkdown.render(config);
    };
  }
}
