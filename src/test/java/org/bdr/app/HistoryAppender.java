package org.bdr.app;

import java.nio.file.Path;

/** A process that appends run entries to a history, to race another such process. */
final class HistoryAppender {

  private HistoryAppender() {}

  /** Arguments: the state folder, how many entries, the repository name they carry. */
  public static void main(String[] args) {
    RunHistory history = new RunHistory(new StateFolder(Path.of(args[0])));
    int count = Integer.parseInt(args[1]);
    for (int i = 0; i < count; i++) {
      history.append(RunHistoryTest.entry(args[2], i));
    }
  }
}
