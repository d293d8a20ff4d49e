package org.bdr.interop;

import static org.bdr.testing.FileTree.dir;
import static org.bdr.testing.FileTree.random;
import static org.bdr.testing.FileTree.symlink;
import static org.bdr.testing.FileTree.text;

import java.util.ArrayList;
import java.util.List;
import org.bdr.testing.FileTree;

/** File trees used by the interoperability tests, declared as data. */
final class SampleTrees {

  private SampleTrees() {}

  /** A small practice folder with every kind of entry a restore must reproduce. */
  static List<FileTree.Entry> practice() {
    return List.of(
        text("letters/referral-2023-01.txt", "Dear colleague,\nplease see Mrs. A.\n"),
        text("letters/Überweisung-Łódź 診療.txt", "Befund: unauffällig\n"),
        text("letters/🦷 dental.txt", "tooth 36: filling\n"),
        text("notes/empty.txt", ""),
        dir("scans/empty-folder"),
        random("scans/xray-0001.dcm", 3_500_000, 11),
        random("scans/xray-0002.dcm", 700_000, 12),
        symlink("latest-scan", "scans/xray-0002.dcm"),
        symlink("dangling", "no/such/file"),
        text("billing/2023/q1/invoices.csv", "no;amount\n1;120.00\n2;80.50\n".repeat(200)));
  }

  /** {@code count} small text files, ten to a folder, in folders two levels deep. */
  static List<FileTree.Entry> manySmallFiles(int count) {
    List<FileTree.Entry> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String path =
          String.format("patients/p%02d/visit%02d/note-%04d.txt", i / 100, (i / 10) % 10, i);
      out.add(text(path, ("patient " + i + " visit note\n").repeat(1 + i % 37)));
    }
    return out;
  }
}
