package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.phi.IdentifierType.AGE;
import static org.bdr.phi.IdentifierType.DATE;
import static org.bdr.phi.IdentifierType.NAME;
import static org.bdr.phi.IdentifierType.SSN;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The free-text detector, one line at a time, at medium sensitivity unless said otherwise. */
class TextDetectorTest {

  private static Set<IdentifierType> found(String line, Sensitivity s) {
    return Scans.types(Scans.text("note.txt", line, s));
  }

  private static Set<IdentifierType> found(String line) {
    return found(line, Sensitivity.MEDIUM);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SSN:123-45-6789 | SSN",
        "ssn#123456789 | SSN",
        "Ph#5551234567 | PHONE",
        "Tel:(617) 555-0134 | PHONE",
        "Fax: 617.555.0199 | FAX",
        "MRN12345678 | MRN",
        "Acct#778812 | ACCOUNT",
        "DOB:03/14/1961 | DATE",
        "NPI:1245319599 | LICENSE",
        "DEA AB1234563 | LICENSE",
        "Medicare MBI 1EG4-TE5-MK73 | HEALTH_PLAN",
        "VIN 1M8GDM9AXKP042788 | VEHICLE",
        "mail jane.roe@example.org | EMAIL"
      })
  void scan_identifierGluedToOrNextToItsLabel_isFound(String line, IdentifierType type) {
    assertThat(found(line)).contains(type);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "Patient ID: 12345",
        "Patient ID 1234567",
        "Pt #: 2233445",
        "Patient number 44556677",
        "Patient No. 98765"
      })
  void scan_patientNumber_isAnMrnNotAZipCode(String line) {
    // "ID 12345" reads like Idaho and a ZIP code; after "Patient" it is the patient's number
    assertThat(found(line, Sensitivity.LOW)).containsExactly(IdentifierType.MRN);
  }

  @Test
  void scan_numberAfterPatientWithoutANumberWord_isNoMrn() {
    assertThat(found("Patient 2024 summary", Sensitivity.HIGH)).doesNotContain(IdentifierType.MRN);
    assertThat(found("Boise, ID 83702")).containsExactly(IdentifierType.ZIP);
  }

  @Test
  void scan_yearAfterAnInsuranceOrLicenseWord_isNoSuchNumber() {
    assertThat(found("Insurance, Aetna 2023", Sensitivity.HIGH))
        .doesNotContain(IdentifierType.HEALTH_PLAN);
    assertThat(found("Policy 2024 renewal", Sensitivity.HIGH))
        .doesNotContain(IdentifierType.HEALTH_PLAN);
    assertThat(found("Dr Lopez license renewal 2024", Sensitivity.HIGH))
        .doesNotContain(IdentifierType.LICENSE);
    assertThat(found("Member ID 12345678")).contains(IdentifierType.HEALTH_PLAN);
    assertThat(found("Policy 3021")).contains(IdentifierType.HEALTH_PLAN);
  }

  @Test
  void scan_testRangeSsnWithContext_isMediumButNotLow() {
    String line = "Patient SSN 999-83-4219 on file";

    assertThat(found(line, Sensitivity.MEDIUM)).contains(SSN);
    assertThat(found(line, Sensitivity.LOW)).doesNotContain(SSN);
  }

  @Test
  void scan_invalidSsnArea_isNotAnSsn() {
    assertThat(found("SSN 000-12-3456 and 666-12-3456")).doesNotContain(SSN);
  }

  @Test
  void scan_bareNineDigits_onlyAtHigh() {
    String line = "reference 412345678 noted";

    assertThat(found(line, Sensitivity.HIGH)).contains(SSN);
    assertThat(found(line, Sensitivity.MEDIUM)).doesNotContain(SSN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "JONES SARAH came in today",
        "Seen with Sarah Jones today",
        "SMITH, JOHN",
        "Smith^John",
        "Mrs. Quackenbush called",
        "Patient: Zebulon Quackenbush",
        "Arturo is a 18 year-old male"
      })
  void scan_namesInCapitalsTitlesAndContext_areFound(String line) {
    assertThat(found(line)).contains(NAME);
  }

  @Test
  void scan_clinicianAfterDrTitle_isNotReportedAsName() {
    assertThat(found("Reviewed by Dr. Sarah Jones")).doesNotContain(NAME);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "admitted 2021-03-04 | DATE",
        "born March 5, 2019 | DATE",
        "seen 5 Jan 2020 | DATE",
        "visit 03/04/2021 | DATE",
        "a 93 year-old woman | AGE",
        "age 97 | AGE",
        "Boston, MA 02118 | ZIP",
        "client 192.168.10.7 connected | IP",
        "host 2001:db8::8a2e:370:7334 | IP"
      })
  void scan_datesAgesZipsAndAddresses_areFound(String line, IdentifierType type) {
    assertThat(found(line)).contains(type);
  }

  @Test
  void scan_eightDigitDateMonthFirst_foundOnlyWhereContextSaysDate() {
    assertThat(found("Patient DOB 01021960")).contains(DATE);
    assertThat(found("born 03141961 at home")).contains(DATE);
    assertThat(found("Date of service 13052021")).contains(DATE);
    // the same digits without a date cue are as often an account or order number
    assertThat(found("order 01021960 shipped")).doesNotContain(DATE);
    // month 13 and day 13 both fail: not a date in either order
    assertThat(found("DOB 13131960")).doesNotContain(DATE);
  }

  @Test
  void scan_twoDigitYear_foundWithSlashesOrAfterADateCue() {
    assertThat(found("DOB: 1/2/60")).contains(DATE);
    assertThat(found("seen 03/14/61 in clinic")).contains(DATE);
    assertThat(found("DOB 1-2-60")).contains(DATE);
    // dashes without a date cue are as often a code or a lot number
    assertThat(found("lot 1-2-60 opened")).doesNotContain(DATE);
  }

  @Test
  void scan_dayMonthNameYear_foundWithSpacesOrDashes() {
    assertThat(found("born 2 Jan 1960")).contains(DATE);
    assertThat(found("DOB 2-Jan-1960")).contains(DATE);
    assertThat(found("admitted 14 March 2021")).contains(DATE);
  }

  @Test
  void scan_agesUpTo89_areNotPhi() {
    assertThat(found("a 45 year-old man, age 89")).doesNotContain(AGE);
  }

  @Test
  void scan_sameDetectorTwice_keepsNoContextBetweenLines() {
    FileResult r = Scans.medium("n.txt", "SSN\n123456789\n");

    assertThat(Scans.typesOn(r, 2)).doesNotContain(SSN);
  }

  @Test
  void scan_findingsCarryLineNumbers() {
    FileResult r = Scans.medium("n.txt", "nothing here\r\nsecond\rSSN 123-45-6789\n");

    assertThat(Scans.ofType(r, SSN)).singleElement().extracting(Finding::line).isEqualTo(3L);
  }

  @Test
  void scanValue_repeatedValues_repeatFindingsAndRescanUnderAnotherCue() {
    TextDetector detector = new TextDetector();
    FindingSink sink = new FindingSink("rows.csv", new ScanOptions(Sensitivity.MEDIUM, false));
    for (long line = 1; line <= 3; line++) {
      detector.scanValue(
          new Latin1Text(bytes("Body Height"), 0, 11), line, "display", Cue.NONE, sink);
      detector.scanValue(new Latin1Text(bytes("Jane Smith"), 0, 10), line, "note", Cue.NONE, sink);
      detector.scanValue("123456789", line, "number", Cue.NONE, sink);
      detector.scanValue("123456789", line, "ssn", Cue.SSN, sink);
    }

    assertThat(sink.findings())
        .extracting(f -> f.line() + " " + f.field() + " " + f.type())
        .containsExactly(
            "1 note NAME", "1 ssn SSN", "2 note NAME", "2 ssn SSN", "3 note NAME", "3 ssn SSN");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
