package org.bdr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bdr.error.BdrException;

/**
 * The command line's output channels: results on stdout (text or JSON), diagnostics and progress on
 * stderr.
 */
final class Console {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final PrintStream out;
  final PrintStream err;
  final boolean json;
  final boolean interactive;

  Console(PrintStream out, PrintStream err, boolean json, boolean interactive) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.interactive = interactive && !json;
  }

  void printJson(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the result as JSON", e);
    }
  }

  void notice(String text) {
    if (text != null) {
      err.println(text);
    }
  }

  void error(BdrException e) {
    err.println("bdr: " + TerminalText.escape(e.getMessage()) + " — " + e.recovery());
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("code", e.code().name());
      body.put("message", e.getMessage());
      body.put("recovery", e.recovery());
      printJson(Map.of("error", body));
    }
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** "1 file", "2 files". */
  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
