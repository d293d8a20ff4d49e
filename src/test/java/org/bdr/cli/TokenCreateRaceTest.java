package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bdr.app.AccessTokens;
import org.bdr.auth.Role;
import org.bdr.testing.BdrProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token creators in separate processes, racing one another, all keep their tokens. */
class TokenCreateRaceTest {

  private static final Pattern TOKEN = Pattern.compile("(?m)^bdr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$");

  @TempDir Path tmp;

  @Test
  void create_otherProcessesAtOnce_everyTokenKept() throws Exception {
    Map<String, String> env = Map.of("BDR_HOME", tmp.resolve("home").toString());
    AccessTokens here = new AccessTokens(env);
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      processes.add(
          BdrProcess.start(env, tmp.resolve(i + ".log"), "token", "create", "--role", "operator"));
    }

    // This process keeps creating tokens for as long as the others run.
    List<String> created = new ArrayList<>();
    while (processes.stream().anyMatch(Process::isAlive)) {
      created.add(here.create(Role.AUDITOR, null).token());
    }
    for (Process p : processes) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    for (int i = 0; i < processes.size(); i++) {
      String log = Files.readString(tmp.resolve(i + ".log"));
      assertThat(processes.get(i).exitValue()).as(log).isZero();
      Matcher m = TOKEN.matcher(log);
      assertThat(m.find()).as(log).isTrue();
      created.add(m.group());
    }
    assertThat(here.list()).hasSize(created.size());
    for (String token : created) {
      assertThat(here.authenticate(token)).as(token.substring(0, 12)).isPresent();
    }
  }
}
