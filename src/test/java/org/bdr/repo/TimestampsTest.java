package org.bdr.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  private static final String[] ZONES = {
    "UTC",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Europe/Dublin",
    "Pacific/Apia"
  };

  @Property(tries = 3000)
  void format_anyInstantInAnyZone_sameTextAsJavaTime(
      @ForAll @LongRange(min = -62_000_000_000L, max = 253_402_300_799L) long second,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll @IntRange(min = 0, max = 5) int zone,
      @ForAll @IntRange(min = 0, max = 3) int roundTo) {
    int rounded = roundTo == 0 ? nano : roundTo == 1 ? nano / 1000 * 1000 : roundTo == 2 ? 0 : 1;
    Instant t = Instant.ofEpochSecond(second, rounded);
    ZoneRules rules = ZoneId.of(ZONES[zone]).getRules();
    java.time.ZoneOffset offset = rules.getOffset(t);
    if (offset.getTotalSeconds() % 60 != 0) {
      offset = java.time.ZoneOffset.UTC;
    }
    String expected =
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(t, offset));

    String text = Timestamps.format(t, rules);

    assertThat(text).isEqualTo(expected);
    assertThat(Timestamps.parse(text)).isEqualTo(t);
  }

  @Test
  void format_resticExamples_asGoWritesThem() {
    ZoneRules utc = ZoneId.of("UTC").getRules();
    ZoneRules berlin = ZoneId.of("Europe/Berlin").getRules();

    assertThat(Timestamps.format(Instant.parse("2024-06-01T10:15:30.120Z"), utc))
        .isEqualTo("2024-06-01T10:15:30.12Z");
    assertThat(Timestamps.format(Instant.parse("2024-06-01T10:15:30Z"), berlin))
        .isEqualTo("2024-06-01T12:15:30+02:00");
    assertThat(Timestamps.format(Instant.parse("2024-01-01T00:00:00.000000001Z"), berlin))
        .isEqualTo("2024-01-01T01:00:00.000000001+01:00");
  }

  @Test
  void format_localMeanTimeOffsetWithSeconds_writtenInUtc() {
    ZoneRules monrovia = ZoneId.of("Africa/Monrovia").getRules();
    ZoneRules kolkata = ZoneId.of("Asia/Kolkata").getRules();

    assertThat(Timestamps.format(Instant.EPOCH, monrovia)).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(Timestamps.format(Instant.parse("1901-12-13T20:45:52Z"), kolkata))
        .isEqualTo("1901-12-13T20:45:52Z");
  }

  @Test
  void parse_otherValidForms_fallBackToJavaTime() {
    assertThat(Timestamps.parse("2024-06-01T10:15:30.5-07:30"))
        .isEqualTo(Instant.parse("2024-06-01T17:45:30.5Z"));
    assertThat(Timestamps.parse("+12024-06-01T10:15:30Z"))
        .isEqualTo(OffsetDateTime.parse("+12024-06-01T10:15:30Z").toInstant());
  }

  @Test
  void parse_notATimestamp_throwsDateTimeException() {
    for (String bad :
        new String[] {
          "", "yesterday", "2024-02-30T10:00:00Z", "2024-06-01T24:00:00Z", "2024-06-01"
        }) {
      assertThatThrownBy(() -> Timestamps.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
    }
  }
}
