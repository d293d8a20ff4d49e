package org.bdr.repo;

import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;

/**
 * The RFC 3339 timestamps of trees and snapshots, written as restic writes them: nanoseconds with
 * trailing zeros dropped, "Z" for UTC, otherwise the local offset. A backup formats several per
 * file and a restore parses two per file, so the common form is handled by hand; anything else
 * (years outside 0–9999, offsets with seconds) goes through {@code java.time}, which gives the same
 * text for the common form.
 */
public final class Timestamps {

  private static final ZoneRules LOCAL = ZoneId.systemDefault().getRules();
  private static final int SECONDS_PER_DAY = 86_400;

  private Timestamps() {}

  /** The text of a file time in this machine's time zone. */
  public static String format(FileTime time) {
    return format(time.toInstant(), LOCAL);
  }

  /** The text of an instant in this machine's time zone. */
  public static String format(Instant time) {
    return format(time, LOCAL);
  }

  static String format(Instant time, ZoneRules zone) {
    int offset = zone.getOffset(time).getTotalSeconds();
    if (offset % 60 != 0) {
      // Old local mean times have offsets with seconds, which RFC 3339 and restic cannot read:
      // the same instant is written in UTC instead.
      offset = 0;
    }
    long local = time.getEpochSecond() + offset;
    long days = Math.floorDiv(local, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
    long civil = civilFromDays(days);
    long year = civil >> 9;
    if (year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
          OffsetDateTime.ofInstant(time, java.time.ZoneOffset.ofTotalSeconds(offset)));
    }
    char[] out = new char[35];
    digits(out, 0, (int) year, 4);
    out[4] = '-';
    digits(out, 5, (int) (civil >> 5) & 15, 2);
    out[7] = '-';
    digits(out, 8, (int) civil & 31, 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int at = 19;
    int nano = time.getNano();
    if (nano != 0) {
      out[at++] = '.';
      int width = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        width--;
      }
      digits(out, at, nano, width);
      at += width;
    }
    if (offset == 0) {
      out[at++] = 'Z';
    } else {
      out[at++] = offset < 0 ? '-' : '+';
      int minutes = Math.abs(offset) / 60;
      digits(out, at, minutes / 60, 2);
      out[at + 2] = ':';
      digits(out, at + 3, minutes % 60, 2);
      at += 5;
    }
    return new String(out, 0, at);
  }

  /**
   * Parses a timestamp as restic and bdr write it.
   *
   * @throws DateTimeException if the text is not an RFC 3339 timestamp
   */
  public static Instant parse(String text) {
    Instant fast = parseCommon(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** The common form {@code yyyy-mm-ddThh:mm:ss[.f…](Z|±hh:mm)}, or null for anything else. */
  private static Instant parseCommon(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    int hour = number(s, 11, 2);
    int minute = number(s, 14, 2);
    int second = number(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour > 23
        || minute > 59
        || second > 59
        || hour < 0
        || minute < 0
        || second < 0) {
      return null;
    }
    int at = 19;
    int nano = 0;
    if (s.charAt(at) == '.') {
      int digits = 0;
      at++;
      while (at < n && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
        if (++digits > 9) {
          return null;
        }
        nano = nano * 10 + (s.charAt(at++) - '0');
      }
      if (digits == 0) {
        return null;
      }
      for (int i = digits; i < 9; i++) {
        nano *= 10;
      }
    }
    int offset;
    if (at == n - 1 && s.charAt(at) == 'Z') {
      offset = 0;
    } else if (at == n - 6
        && (s.charAt(at) == '+' || s.charAt(at) == '-')
        && s.charAt(at + 3) == ':') {
      int oh = number(s, at + 1, 2);
      int om = number(s, at + 4, 2);
      if (oh < 0 || om < 0 || oh > 18 || om > 59) {
        return null;
      }
      offset = (oh * 60 + om) * 60 * (s.charAt(at) == '-' ? -1 : 1);
    } else {
      return null;
    }
    if (day > lengthOfMonth(year, month)) {
      return null;
    }
    long seconds =
        daysFromCivil(year, month, day) * SECONDS_PER_DAY
            + hour * 3600L
            + minute * 60L
            + second
            - offset;
    return Instant.ofEpochSecond(seconds, nano);
  }

  private static int number(String s, int from, int width) {
    int v = 0;
    for (int i = from; i < from + width; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int lengthOfMonth(int year, int month) {
    if (month == 2) {
      boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm). */
  private static long daysFromCivil(long y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /** The date of a day count since 1970-01-01, packed as {@code year << 9 | month << 5 | day}. */
  private static long civilFromDays(long z) {
    z += 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2 ? 1 : 0;
    return y << 9 | m << 5 | d;
  }
}
