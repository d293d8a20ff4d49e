package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text that looks like identifiers but is not about a person: nothing at LOW or MEDIUM. */
class HardNegativesTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ICD-10 codes | Diagnoses: E11.9, I10, Z79.4, S72.001A, M54.5",
        "CPT codes | Procedures billed: 99213, 80053, 36415 and 93000",
        "lab values | Glucose 105 mg/dL; HbA1c 6.5 %; WBC 7.2 x10^3/uL; K 4.1 mmol/L",
        "units and ranges | eGFR >60 mL/min/1.73m2, ref 70-99, BP 120/80 mmHg",
        "drug doses | metformin 500 mg twice daily, lisinopril 10 mg, insulin 12 units qHS",
        "version strings | bdr version 1.2.3.4 build 2024.1.15 using libfoo v10.0.19041",
        "log timestamps | 2024-03-01T10:15:30Z INFO backup finished in 12.3 s",
        "bracketed log timestamps | [2024-03-01 10:15:30,123] WARN retrying upload",
        "order numbers | Order #123456789 shipped, order number 987654321, invoice 5551234",
        "UUIDs | record 3f2b8c1e-9d4a-4c2e-8f1a-2b3c4d5e6f70 and 12345678-1234-1234-1234-123456789012",
        "OIDs | template 2.16.840.1.113883.10.20.22.1.1 root 1.3.6.1.4.1.19376.1.5",
        "clock times | started 10:15:30, ended 11:02:07",
        "quantities | 12345 items, 42 boxes, 3.14159"
      })
  void scan_hardNegative_reportsNothingAtLowAndMedium(String what, String line) {
    for (Sensitivity s : new Sensitivity[] {Sensitivity.LOW, Sensitivity.MEDIUM}) {
      FileResult r = Scans.text("inventory.txt", line, s);

      assertThat(r.findings()).as(what + " at " + s).isEmpty();
    }
  }
}
