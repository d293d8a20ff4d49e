package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierRulesTest {

  @ParameterizedTest(name = "ssn {0} test-area-allowed={1} -> {2}")
  @CsvSource({
    "123456789, false, true",
    "000456789, false, false",
    "666456789, false, false",
    "123006789, false, false",
    "123450000, false, false",
    "999834219, false, false",
    "999834219, true, true",
    "12345678, false, false",
    "12345678X, false, false"
  })
  void ssn_areaGroupSerialRules_decide(String digits, boolean testArea, boolean valid) {
    assertThat(IdentifierRules.ssn(digits, testArea)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "luhn {0} -> {1}")
  @CsvSource({"4111111111111111, true", "4111111111111112, false", "79927398713, true", "0, false"})
  void luhn_checkDigit_decides(String digits, boolean valid) {
    assertThat(IdentifierRules.luhn(digits)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "npi {0} -> {1}")
  @CsvSource({
    "1234567893, true",
    "1234567890, false",
    "1245319599, true",
    "3234567893, false",
    "123456789, false"
  })
  void npi_luhnWith80840Prefix_decides(String digits, boolean valid) {
    assertThat(IdentifierRules.npi(digits)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "dea {0} -> {1}")
  @CsvSource({"AB1234563, true", "AB1234564, false", "BJ6125341, true", "IB1234563, false"})
  void dea_checkDigit_decides(String dea, boolean valid) {
    assertThat(IdentifierRules.dea(dea)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "mbi {0} -> {1}")
  @CsvSource({
    "1EG4TE5MK73, true",
    "1EG4TE5MK7, false",
    "0EG4TE5MK73, false",
    "1SG4TE5MK73, false",
    "1EG4TE5MKO3, false",
    "9AA0AA0AA00, true"
  })
  void mbi_format_decides(String mbi, boolean valid) {
    assertThat(IdentifierRules.mbi(mbi)).isEqualTo(valid);
  }

  /** A VIN needs letters too: 17 digits are an account or serial number, not a vehicle. */
  @ParameterizedTest(name = "vin {0} -> {1}")
  @CsvSource({"1M8GDM9AXKP042788, true", "1M8GDM9A1KP042788, false", "11111111111111111, false"})
  void vin_checkDigit_decides(String vin, boolean valid) {
    assertThat(IdentifierRules.vin(vin)).isEqualTo(valid);
  }
}
