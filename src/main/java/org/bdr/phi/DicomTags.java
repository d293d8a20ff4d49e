package org.bdr.phi;

import java.util.HashMap;
import java.util.Map;

/** The DICOM data elements that identify a patient, by tag, and the identifier type of each. */
final class DicomTags {

  private static final Map<Integer, IdentifierType> TYPES = new HashMap<>();

  static {
    put(IdentifierType.NAME, 0x00100010, 0x00101001, 0x00101060, 0x0040A123, 0x00101005);
    put(IdentifierType.MRN, 0x00100020, 0x00101000, 0x00101002);
    put(
        IdentifierType.DATE,
        0x00100030,
        0x00080012,
        0x00080020,
        0x00080021,
        0x00080022,
        0x00080023,
        0x0040A032,
        0x0040A120,
        0x0040A121,
        0x30060008,
        0x300A0006,
        0x00380020,
        0x00380030,
        0x00400244,
        0x00400002,
        0x00181012,
        0x00102180);
    put(
        IdentifierType.OTHER_ID,
        0x00080050,
        0x00080018,
        0x0020000D,
        0x0020000E,
        0x00200010,
        0x00200052,
        0x00081155,
        0x00041511);
    put(IdentifierType.ADDRESS, 0x00101040);
    put(IdentifierType.PHONE, 0x00102154);
    put(IdentifierType.DEVICE, 0x00181000);
    put(IdentifierType.ACCOUNT, 0x00380010, 0x00081040);
    put(IdentifierType.HEALTH_PLAN, 0x00101050);
    put(IdentifierType.AGE, 0x00101010);
  }

  private DicomTags() {}

  private static void put(IdentifierType type, int... tags) {
    for (int t : tags) {
      TYPES.put(t, type);
    }
  }

  /** The identifier type of a tag, or null when the element does not identify anyone. */
  static IdentifierType typeOf(int tag) {
    return TYPES.get(tag);
  }

  /** The type of a tag written as {@code (gggg,eeee)}, or null. */
  static IdentifierType typeOf(String display) {
    if (display.length() != 11) {
      return null;
    }
    String hex = display.substring(1, 5) + display.substring(6, 10);
    return TYPES.get((int) Long.parseLong(hex, 16));
  }

  /** Whether a JSON key is a DICOM JSON tag: eight hex digits. */
  static boolean isTagKey(String k) {
    if (k.length() != 8) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (!TextShapes.isHex(k.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code 00100010} written as {@code (0010,0010)}. */
  static String display(String eightHex) {
    String u = eightHex.toUpperCase(java.util.Locale.ROOT);
    return "(" + u.substring(0, 4) + "," + u.substring(4) + ")";
  }

  static String display(int tag) {
    return display(String.format("%08X", tag));
  }
}
