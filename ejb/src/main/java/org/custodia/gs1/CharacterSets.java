package org.custodia.gs1;

/**
 * The GS1 character sets of the General Specifications (figure 7.11-1 to 7.11-3): CSET 82 for most
 * alphanumeric AIs, CSET 39 for a few (e.g. AI 8010), CSET 64 (URL-safe base64) for AI 8030.
 */
public final class CharacterSets {

  /** The 82 characters of GS1 AI encodable character set 82, in the order of the GS1 table. */
  public static final String CSET82 =
      "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

  /** The 39 characters of GS1 AI encodable character set 39. */
  public static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** The 64 characters of GS1 AI encodable character set 64 (base64url), plus '=' for padding. */
  public static final String CSET64 =
      "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

  private static final boolean[] IN82 = table(CSET82);
  private static final boolean[] IN39 = table(CSET39);
  private static final boolean[] IN64 = table(CSET64);

  private CharacterSets() {}

  private static boolean[] table(String chars) {
    boolean[] t = new boolean[128];
    for (int i = 0; i < chars.length(); i++) {
      t[chars.charAt(i)] = true;
    }
    return t;
  }

  /** Index of the first character of {@code s} outside CSET 82, or -1 when all are inside. */
  public static int firstOutsideCset82(CharSequence s) {
    return firstOutside(s, IN82);
  }

  /** Index of the first character of {@code s} outside CSET 39, or -1 when all are inside. */
  public static int firstOutsideCset39(CharSequence s) {
    return firstOutside(s, IN39);
  }

  /** Index of the first character of {@code s} outside CSET 64 (padding '=' is checked by the caller). */
  public static int firstOutsideCset64(CharSequence s) {
    return firstOutside(s, IN64);
  }

  public static boolean isCset82(CharSequence s) {
    return firstOutsideCset82(s) < 0;
  }

  public static boolean isDigits(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int firstOutside(CharSequence s, boolean[] table) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || !table[c]) {
        return i;
      }
    }
    return -1;
  }
}
