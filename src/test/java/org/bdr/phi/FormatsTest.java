package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.phi.IdentifierType.DATE;
import static org.bdr.phi.IdentifierType.MRN;
import static org.bdr.phi.IdentifierType.NAME;
import static org.bdr.phi.IdentifierType.PHONE;
import static org.bdr.phi.IdentifierType.SSN;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Structured formats: values are typed by where they sit. */
class FormatsTest {

  @Test
  void hl7_crOnlySegments_typedByFieldWithSegmentLines() {
    String msg =
        "MSH|^~\\&|APP|FAC|EHR|FAC|20240101120000||ADT^A01|MSG1|P|2.5\r"
            + "EVN|A01|20240101120000\r"
            + "PID|1||A12345^^^HOSP^MR~123456789^^^SSA^SS||QUACKENBUSH^ZEBULON^Q||19610314|M|||"
            + "12 ELM ST^^SPRINGFIELD^MA^01101||(413)555-0100\r";

    FileResult r = Scans.medium("adt.hl7", msg);

    assertThat(Scans.typesOn(r, 3)).contains(NAME, MRN, SSN, DATE, PHONE, IdentifierType.ADDRESS);
    assertThat(Scans.typesOn(r, 1)).isEmpty();
    assertThat(r.findings()).anyMatch(f -> "PID-5".equals(f.field()) && f.type() == NAME);
  }

  @Test
  void hl7_providerField_isLicenseOnlyForValidNpi() {
    String msg =
        "MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.5\nOBR|1|||||||||||||||1245319599^WELBY^MARCUS\n";

    FileResult r = Scans.medium("oru.hl7", msg);

    assertThat(Scans.typesOn(r, 2)).containsExactly(IdentifierType.LICENSE);
  }

  @Test
  void fhir_base64NoteInAttachment_isDecodedAndScanned() {
    String note = "Zebulon Quackenbush\n is a 93 year-old man. SSN 123-45-6789.";
    String data = Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8));
    String json =
        "{\n \"resourceType\": \"DocumentReference\",\n \"content\": [{\"attachment\": {\n"
            + "  \"contentType\": \"text/plain\",\n  \"data\": \""
            + data
            + "\"\n }}]\n}\n";

    FileResult r = Scans.medium("doc.json", json);

    assertThat(Scans.typesOn(r, 5)).contains(NAME, SSN, IdentifierType.AGE);
  }

  @Test
  void fhir_base64NoteBeyondAscii_isDecodedAsUtf8AndScanned() {
    String note = "Zebulon Quackenbush\r\n is a 93 year-old man (Patiënt). SSN 123-45-6789.";
    String data = Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8));
    String json =
        "{\n \"resourceType\": \"DocumentReference\",\n \"content\": [{\"attachment\": {\n"
            + "  \"contentType\": \"text/plain\",\n  \"data\": \""
            + data
            + "\"\n }}]\n}\n";

    FileResult r = Scans.medium("doc.json", json);

    assertThat(Scans.typesOn(r, 5)).contains(NAME, SSN, IdentifierType.AGE);
  }

  @Test
  void fhir_patientResource_typedByPath() {
    String json =
        "{\"resourceType\":\"Patient\",\n"
            + "\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"SS\"}]},\"value\":\"999-12-3456\"}],\n"
            + "\"name\":[{\"family\":\"Quackenbush\",\"given\":[\"Zebulon\"]}],\n"
            + "\"birthDate\":\"1961-03-14\"}\n";

    FileResult r = Scans.medium("p.json", json);

    assertThat(Scans.typesOn(r, 2)).containsExactly(SSN);
    assertThat(Scans.typesOn(r, 3)).containsExactly(NAME);
    assertThat(Scans.typesOn(r, 4)).containsExactly(DATE);
    assertThat(r.findings()).anyMatch(f -> "Patient.name[0].family".equals(f.field()));
  }

  @Test
  void json_displayKeyOfTheRootObject_isReadThroughTheStructure() {
    FileResult r = Scans.medium("note.json", "{\"display\": \"Follow-up in two weeks\"}\n");

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).isNull();
  }

  @Test
  void fhir_patientResourceWithByteOrderMark_typedByPath() {
    String json =
        "\uFEFF{\"resourceType\":\"Patient\",\n"
            + "\"name\":[{\"family\":\"Quackenbush\",\"given\":[\"Zebulon\"]}]}\n";

    FileResult r = Scans.medium("p.json", json);

    assertThat(r.reason()).isNull();
    assertThat(Scans.typesOn(r, 2)).containsExactly(NAME);
    assertThat(r.findings()).anyMatch(f -> "Patient.name[0].given[0]".equals(f.field()));
  }

  @Test
  void json_stringsUnderNoKey_areScannedAsText() {
    String json =
        "[\"Seen today, SSN 123-45-6789\",\n[\"SSN 234-56-7891\"]]\n\"SSN 345-67-8912\"\n";

    FileResult r = Scans.medium("notes.json", json);

    assertThat(r.reason()).isNull();
    assertThat(Scans.typesOn(r, 1)).containsExactly(SSN);
    assertThat(Scans.typesOn(r, 2)).containsExactly(SSN);
    assertThat(Scans.typesOn(r, 3)).containsExactly(SSN);
    assertThat(r.findings()).extracting(Finding::field).containsExactly("$[0]", "$[1][0]", "$");
  }

  @Test
  void ccda_patientRoleTypedAndClinicianNot() {
    String xml =
        "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n"
            + "<recordTarget><patientRole>\n"
            + "<id root=\"2.16.840.1.113883.4.1\" extension=\"123-45-6789\"/>\n"
            + "<patient><name><given>Zebulon</given>\n<family>Quackenbush</family></name>\n"
            + "<birthTime value=\"19610314\"/></patient></patientRole></recordTarget>\n"
            + "<author><assignedAuthor><assignedPerson><name><given>Marcus</given>"
            + "<family>Welby</family></name></assignedPerson></assignedAuthor></author>\n"
            + "<text>Zebulon was seen.</text>\n"
            + "</ClinicalDocument>\n";

    FileResult r = Scans.medium("ccd.xml", xml);

    assertThat(Scans.typesOn(r, 3)).containsExactly(SSN);
    assertThat(Scans.typesOn(r, 4)).containsExactly(NAME);
    assertThat(Scans.typesOn(r, 6)).containsExactly(DATE);
    assertThat(Scans.typesOn(r, 7)).isEmpty();
    assertThat(Scans.typesOn(r, 8)).containsExactly(NAME);
  }

  @Test
  void csv_columnsTypedByHeader() {
    String csv =
        "Id,BIRTHDATE,SSN,FIRST,LAST,ZIP,CODE\np1,1961-03-14,999-12-3456,Zebulon,Quackenbush,01101,44054006\n";

    FileResult r = Scans.medium("patients.csv", csv);

    assertThat(Scans.typesOn(r, 2))
        .containsExactlyInAnyOrder(MRN, DATE, SSN, NAME, IdentifierType.ZIP);
  }

  @Test
  void x12_subscriberTypedProviderOnlyNpi() {
    String edi =
        "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~\n"
            + "NM1*85*2*CLINIC*****XX*1245319599~\n"
            + "N3*1 MAIN ST~\n"
            + "NM1*IL*1*QUACKENBUSH*ZEBULON****MI*W123456789~\n"
            + "N3*12 ELM ST~\n"
            + "DMG*D8*19610314*M~\n";

    FileResult r = Scans.medium("claim.837", edi);

    assertThat(Scans.typesOn(r, 2)).containsExactly(IdentifierType.LICENSE);
    assertThat(Scans.typesOn(r, 3)).isEmpty();
    assertThat(Scans.typesOn(r, 4)).contains(NAME, IdentifierType.HEALTH_PLAN);
    assertThat(Scans.typesOn(r, 5)).containsExactly(IdentifierType.ADDRESS);
    assertThat(Scans.typesOn(r, 6)).containsExactly(DATE);
  }

  @Test
  void fileName_holdingPatientName_reportsLineZeroAndRedactsSafePath() {
    FileResult r = Scans.medium("exports/Zebulon_Quackenbush_08a4c098-104b.json", "{}");

    assertThat(r.findings()).anyMatch(f -> f.line() == 0 && f.type() == NAME);
    assertThat(r.safePath()).doesNotContain("Zebulon").doesNotContain("Quackenbush");
    assertThat(r.safePath()).startsWith("exports/[NAME]");
  }

  @Test
  void fileName_withDateOfBirth_reportsLineZero() {
    FileResult r = Scans.medium("scans/DOB 1961-03-14 intake.txt", "nothing");

    assertThat(r.findings()).anyMatch(f -> f.line() == 0 && f.type() == DATE);
  }

  @Test
  void fileName_familyCommaGiven_foundAndHiddenWhole() {
    // "Thistlewood" and "Quackenbush" are in no dictionary; the comma form says they are names
    String[][] cases = {
      {"Thistlewood, Jane.txt", "[NAME].txt"},
      {"DOE, JANE.pdf", "[NAME].pdf"},
      {"Smith-Jones, Mary A. intake.txt", "[NAME] intake.txt"},
      {"O'Neil,Jane_2024-01-05.txt", "[NAME]_[DATE].txt"},
      {"van Buren, Martin.txt", "[NAME].txt"},
      {"Al Sayed, Omar.txt", "[NAME].txt"},
      {"De La Cruz, Maria (copy).txt", "[NAME] (copy).txt"},
      {"Doe, Jane-Marie.txt", "[NAME].txt"},
      // middle names, second family names, suffixes and nicknames are hidden with the name
      {"Doe, Mary Ann.txt", "[NAME].txt"},
      {"Garcia Lopez, Maria.txt", "[NAME].txt"},
      {"Smith, John Jr. labs.txt", "[NAME] labs.txt"},
      {"Smith, John (Jack).txt", "[NAME].txt"},
      {"Smith, J. Michael.txt", "[NAME].txt"},
      {"Doe, Jane A.pdf", "[NAME].pdf"},
      {"Smith_John_Jr.pdf", "[NAME].pdf"},
      // two listed names anywhere in the name, joined by '_', '.' or '-'; two patients
      {"labs_Smith_John.pdf", "labs_[NAME].pdf"},
      {"Smith.John.labs.pdf", "[NAME].labs.pdf"},
      {"John-Smith-referral.pdf", "[NAME]-referral.pdf"},
      {"Garcia_Lopez_Maria.pdf", "[NAME].pdf"},
      {"Garcia.Maria.2023-04-01.pdf", "[NAME].[DATE].pdf"},
      {"Smith_John_and_Smith_Mary.pdf", "[NAME].pdf"},
      {"Smith_John+Doe_Jane_labs.pdf", "[NAME]+[NAME]_labs.pdf"},
      // doubled and unusual separators, and O' before a listed family name
      {"Smith  John.pdf", "[NAME].pdf"},
      {"Smith__John__labs.pdf", "[NAME]__labs.pdf"},
      {"smith_-_john.pdf", "[NAME].pdf"},
      {"Smith\u00A0John.pdf", "[NAME].pdf"},
      {"Smith\u2013John.pdf", "[NAME].pdf"},
      {"GARCIA__MARIA__LOPEZ.pdf", "[NAME].pdf"},
      {"Siobhan O'Sullivan referral.pdf", "[NAME] referral.pdf"},
      // a given name that is a month, with more than the lists to say it is a name
      {"Day, April.pdf", "[NAME].pdf"},
      {"April Day MRN 12345.pdf", "[NAME] MRN [MRN].pdf"},
      // a nickname between the given and the family name
      {"Jim (James) Whitaker.pdf", "[NAME].pdf"},
      {"Elizabeth \"Betsy\" Warren.pdf", "[NAME].pdf"},
      // accents as separate marks, as macOS writes file names
      {"Zoe\u0308 Smith.pdf", "[NAME].pdf"},
      {"Jose\u0301 Garci\u0301a labs.pdf", "[NAME] labs.pdf"},
      // a backslash is part of a name where it separates no folders (a Windows archive unpacked)
      {"Garcia, Maria\\scan.pdf", "[NAME]\\scan.pdf"},
      {"labs\\Smith, John.pdf", "labs\\[NAME].pdf"},
      // a leading date or number, a copy, a label before a dash, odd spacing and commas
      {"2024-03-01 Doe, Jane.txt", "[DATE] [NAME].txt"},
      {"Copy of Thistlewood, Jane.pdf", "Copy of [NAME].pdf"},
      {"Chart - Thistlewood, Jane.pdf", "Chart - [NAME].pdf"},
      {"Jane Doe.docx", "[NAME].docx"},
      {"Doe , Jane.txt", "[NAME].txt"},
      {"Doe,\tJane.txt", "[NAME].txt"},
      {"Doe\uFF0C Jane.txt", "[NAME].txt"},
      // accents, composed or as separate marks, and curly apostrophes
      {"Garc\u00EDa, Mar\u00EDa.txt", "[NAME].txt"},
      {"Smith, Rene\u0301e.txt", "[NAME].txt"},
      {"O\u2019Brien, Patrick.txt", "[NAME].txt"},
      // letters beyond Latin-1 that have no separate accent mark
      {"Kowalski, \u0141ukasz.pdf", "[NAME].pdf"},
      {"\u0141ukasz Kowalski.pdf", "[NAME].pdf"},
      {"Nowak, Ma\u0142gorzata.txt", "[NAME].txt"},
      {"S\u00F8ren Nielsen.txt", "[NAME].txt"},
      // names of many origins, and nicknames, middle names and compound family names hidden whole
      {"Patel, Priya.txt", "[NAME].txt"},
      {"Kim, Min-jun.txt", "[NAME].txt"},
      {"Smith, John (Jack) Michael.txt", "[NAME].txt"},
      {"Smith, John \"Jack\".txt", "[NAME].txt"},
      {"Doe, Jane [Janie].txt", "[NAME].txt"},
      {"Lopez de Garcia, Maria Elena.txt", "[NAME].txt"},
      {"Garcia y Lopez, Maria.txt", "[NAME].txt"},
      {"Silva, Maria da Concei\u00E7\u00E3o Aparecida.txt", "[NAME].txt"},
      // an unknown name, or only an initial, announced by the number after it
      {"Thistlewood, Zebulon MRN 12345.pdf", "[NAME] MRN [MRN].pdf"},
      {"Thistlewood, Zebulon Xavier MRN 12345.pdf", "[NAME] MRN [MRN].pdf"},
      {"Quackenbush, Zebulon DOB 1961-03-02.txt", "[NAME] DOB [DATE].txt"},
      {"Doe, J. MRN 12345.txt", "[NAME] MRN [MRN].txt"},
      // given names before the name the text rules find, and a hyphenated second family name
      {"Jane Marie Smith.txt", "[NAME].txt"},
      {"Mary Jane Smith-Jones.txt", "[NAME].txt"},
      // a family's folder
      {"Doe, Jane and John.txt", "[NAME].txt"},
      {"Doe, Jane & John.txt", "[NAME].txt"},
      // family name first without a comma, both listed
      {"Smith John.txt", "[NAME].txt"},
      {"Doe_Jane_MRN12345.pdf", "[NAME]_MRN[MRN].pdf"},
      // a day before the month name is part of the date
      {"Doe, Jane 2 Jan 1960.txt", "[NAME] [DATE].txt"},
      {"Doe, Jane DOB 2-Jan-1960.txt", "[NAME] DOB [DATE].txt"},
      // a birth date written without separators right after the name
      {"Jane_Doe_01021960.pdf", "[NAME]_[DATE].pdf"},
      {"Doe, Jane 010260.txt", "[NAME] [DATE].txt"},
      // the export shape with a date in month-day order
      {"Jane_Doe_01-02-1960.pdf", "[NAME]_[DATE].pdf"},
      // a second patient after "&", family name first too
      {"Nguyen, Linh & Tran, Bao.pdf", "[NAME].pdf"},
      {"Garcia, Maria and Lopez, Ana - consent.txt", "[NAME] - consent.txt"},
    };
    assertNamesHidden("patients/", cases);
  }

  @Test
  void fileName_wordOfTheNameRepeated_hiddenWhereverItStandsWhole() {
    String[][] cases = {
      {"Teresa Baker and baby Baker.pdf", "[NAME] and baby [NAME].pdf"},
      {"Mom Teresa Baker & baby boy Baker.pdf", "Mom [NAME] & baby boy [NAME].pdf"},
      {"smith_john_labs_SMITH.pdf", "[NAME]_labs_[NAME].pdf"},
      {"Doe, Jane - letter to Jane.pdf", "[NAME] - letter to [NAME].pdf"},
      // a longer word that begins with the name is another word
      {"Baker, Teresa - Bakersfield clinic.pdf", "[NAME] - Bakersfield clinic.pdf"},
    };
    assertNamesHidden("scans/", cases);
    // the repeat is the name already reported, not a second finding
    assertThat(Scans.medium("scans/" + cases[0][0], "nothing").findings())
        .singleElement()
        .extracting(Finding::type)
        .isEqualTo(NAME);
  }

  /** Each file name {@code c[0]} in {@code folder} holds a name, hidden so: {@code c[1]}. */
  private static void assertNamesHidden(String folder, String[][] cases) {
    for (String[] c : cases) {
      String path = folder + c[0];
      FileResult r = Scans.medium(path, "nothing");

      assertThat(Scans.typesOn(r, 0)).as(path).contains(NAME);
      assertThat(r.safePath()).as(path).isEqualTo(folder + c[1]);
    }
  }

  @Test
  void fileName_unknownFamilyCommaGivenBeforeBareDate_nameOnlyAtHighSensitivity() {
    String path = "charts/Quackenbush, Zebulon 1961-03-02.txt";

    FileResult medium = Scans.medium(path, "nothing");
    FileResult high = Scans.text(path, "nothing", Sensitivity.HIGH);

    // "Word, Word" and a number or date names many folders that are not patients
    assertThat(Scans.typesOn(medium, 0)).containsExactly(DATE);
    assertThat(Scans.typesOn(high, 0)).contains(NAME, DATE);
    assertThat(high.safePath()).isEqualTo("charts/[NAME] [DATE].txt");
  }

  @Test
  void fileName_monthAfterListedFamilyAndComma_nameAtHighOnlyUnlessANumberSays() {
    for (String name : new String[] {"Smith, Jan.pdf", "Patel, May.txt", "Brown, Jun.pdf"}) {
      String path = "charts/" + name;

      assertThat(Scans.typesOn(Scans.medium(path, "nothing"), 0)).as(path).isEmpty();
      FileResult high = Scans.text(path, "nothing", Sensitivity.HIGH);
      assertThat(Scans.typesOn(high, 0)).as(path).containsExactly(NAME);
      assertThat(high.safePath()).as(path).startsWith("charts/[NAME].");
    }
    assertThat(Scans.medium("charts/Kim, Jun MRN 12345.pdf", "nothing").safePath())
        .isEqualTo("charts/[NAME] MRN [MRN].pdf");
    // a month that is also a listed given name is one after a comma, the same at every sensitivity
    for (Sensitivity s : new Sensitivity[] {Sensitivity.MEDIUM, Sensitivity.HIGH}) {
      assertThat(Scans.ofType(Scans.text("charts/Brown, June.pdf", "nothing", s), NAME))
          .singleElement()
          .extracting(Finding::confidence)
          .isEqualTo(0.7);
    }
    // a month after a word of no list stays a month
    FileResult taxes = Scans.text("charts/Taxes, Jan.pdf", "nothing", Sensitivity.HIGH);
    assertThat(Scans.typesOn(taxes, 0)).isEmpty();
  }

  @Test
  void fileName_commaFormWithoutAName_noNameReported() {
    assertNoName(
        new String[] {
          "Invoices, March.csv",
          "Radiology, Outside.txt",
          "Report, Final.txt",
          "Quackenbush, Zebulon.txt",
          "Budget, Draft 12.txt",
          "Staff Meeting, Mark.txt",
          "de, Jane.txt",
          "Taxes, Year 2023.txt",
          "Scans, Box 1234.txt",
          "Minutes, Meeting 2024-03-01.txt",
          "Brown, Shipping.txt",
          "Jackson, Mississippi.txt",
          "Smith, Dr. John.txt",
          // a listed family name before an unlisted word is a name at high sensitivity only
          "Allen, Medical.txt",
          "Abbott, Labs.txt",
          "Kent, County.txt",
          "Brown Bag Lunch.txt",
          "April, May, June.txt",
          // two capitalised words before a year name a document of that year
          "Fee_Schedule_2024.xlsx",
          "Employee_Handbook_2024.pdf",
          "Christmas_Party_2023.docx",
          // two everyday words, or a name before an institution's word
          "Hunter Green paint.pdf",
          "Pearl White teeth whitening price list.pdf",
          "April May June schedule.xlsx",
          "May, June.txt",
          "April Day schedule.pdf",
          "Mary Washington Hospital credentialing.pdf"
        });
  }

  @Test
  void fileName_lowerCaseName_foundAndHiddenWhole() {
    String[][] cases = {
      {"smith_john_labs.pdf", "[NAME]_labs.pdf"},
      {"john_smith_2023.txt", "[NAME]_2023.txt"},
      {"maria-garcia-consent.pdf", "[NAME]-consent.pdf"},
      {"doe.jane.pdf", "[NAME].pdf"},
      {"john smith intake.docx", "[NAME] intake.docx"},
      {"jos\u00E9_garc\u00EDa.pdf", "[NAME].pdf"},
      {"li_wei_2020.pdf", "[NAME]_2020.pdf"},
      {"\u0142ukasz_kowalski.pdf", "[NAME].pdf"},
      {"john_smith_medical_records.pdf", "[NAME]_medical_records.pdf"},
      // middle names on the name's open side, and two names in one file name
      {"mary_ann_smith.pdf", "[NAME].pdf"},
      {"doe_jane_marie.pdf", "[NAME].pdf"},
      {"john_smith_and_jane_doe.pdf", "[NAME].pdf"},
      // the whole name: second family names, particles, initials, suffixes, nicknames, families
      {"smith-jones_mary.pdf", "[NAME].pdf"},
      {"mary_smith-jones_consent.pdf", "[NAME]_consent.pdf"},
      {"garcia_lopez_carmen_labs.pdf", "[NAME]_labs.pdf"},
      {"juan_perez_rodriguez_labs.pdf", "[NAME]_labs.pdf"},
      {"maria_lopez_de_garcia_labs.pdf", "[NAME]_labs.pdf"},
      {"dela_cruz_maria_labs.pdf", "[NAME]_labs.pdf"},
      {"anna_van_der_berg.pdf", "[NAME].pdf"},
      {"john_m_smith_labs.pdf", "[NAME]_labs.pdf"},
      // a letter before digits is a code, no initial
      {"jane.doe.f0021.txt", "[NAME].f0021.txt"},
      {"john_michael_smith_labs.pdf", "[NAME]_labs.pdf"},
      {"nguyen_thi_mai_labs.pdf", "[NAME]_labs.pdf"},
      {"kim_min_jun_labs.pdf", "[NAME]_labs.pdf"},
      {"smith_john_jun_2023.pdf", "[NAME]_jun_2023.pdf"},
      {"smith_john_jr.pdf", "[NAME].pdf"},
      {"smith_robert_(bob)_labs.pdf", "[NAME]_labs.pdf"},
      {"smith_john_&_mary.pdf", "[NAME].pdf"},
      {"john_&_jane_doe.pdf", "[NAME].pdf"},
      {"john_and_mary_smith.pdf", "[NAME].pdf"},
      {"o'brien_patrick_labs.pdf", "[NAME]_labs.pdf"},
      // a family name that is also a word, and an everyday pair with a date beside it
      {"brown_michael_ekg.pdf", "[NAME]_ekg.pdf"},
      {"young_grace_1960-01-02.pdf", "[NAME]_[DATE].pdf"},
      {"2023-04-01_young_grace.pdf", "[DATE]_[NAME].pdf"},
      // more than the lists says so: a comma, a patient's number or birth date after the name
      {"smith, john.pdf", "[NAME].pdf"},
      {"Doe, jane.pdf", "[NAME].pdf"},
      {"doe_jane_mrn12345.pdf", "[NAME]_mrn[MRN].pdf"},
      {"garcia_maria_dob_01021960.pdf", "[NAME]_dob_[DATE].pdf"},
      {"doe_jane_01021960.pdf", "[NAME]_[DATE].pdf"},
    };
    assertNamesHidden("scans/", cases);
  }

  @Test
  void fileName_lowerCaseNameOfEverydayWords_nameOnlyAtHighSensitivity() {
    String path = "invoices/rose_hill_invoice.pdf";

    FileResult medium = Scans.medium(path, "nothing");
    FileResult high = Scans.text(path, "nothing", Sensitivity.HIGH);

    // "rose" and "hill" are listed names and everyday words: alone they do not make a name
    assertThat(Scans.types(medium)).doesNotContain(NAME);
    assertThat(Scans.typesOn(high, 0)).contains(NAME);
    assertThat(high.safePath()).isEqualTo("invoices/[NAME]_invoice.pdf");
    // the same in capitals
    assertThat(Scans.types(Scans.medium("office/Hunter Green paint.pdf", "nothing")))
        .doesNotContain(NAME);
    assertThat(Scans.typesOn(Scans.text("office/Hunter Green paint.pdf", "x", Sensitivity.HIGH), 0))
        .contains(NAME);
    // with a patient's number after them they do
    assertThat(Scans.typesOn(Scans.medium("scans/rose_hill_mrn12345.pdf", "nothing"), 0))
        .contains(NAME);
  }

  @Test
  void fileName_lowerCaseWordsThatAreNoPatientName_noNameReported() {
    assertNoName(
        new String[] {
          "new_patient_packet.pdf",
          "hipaa_notice_of_privacy.pdf",
          "lab_results_march.pdf",
          "staff_schedule_june.xlsx",
          "summer_hours.pdf",
          "mark_down_notes.txt",
          "grace_period_policy.pdf",
          "bill_payment_2023.pdf",
          "will_grant_form.pdf",
          "young_adult_program.pdf",
          "brown_bag_lunch.pdf",
          "baker_street.pdf",
          "chase_bank_statement.pdf",
          "grace_young.txt",
          "thomas_jefferson_hospital.pdf",
          "carter_center.pdf",
          "april_may_june.txt",
          "smith, dr john.txt",
          "jsmith_referral.pdf"
        });
  }

  /** No name is reported in any of these file names. */
  private static void assertNoName(String[] names) {
    for (String name : names) {
      FileResult r = Scans.medium("office/" + name, "nothing");

      assertThat(Scans.types(r)).as(name).doesNotContain(NAME);
      assertThat(r.safePath()).as(name).doesNotContain("[NAME]");
    }
  }
}
