package org.custodia.gs1.ai;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.custodia.gs1.CharacterSets;
import org.custodia.gs1.CheckDigit;

/**
 * The GS1 Barcode Syntax Tests ("linters") that the syntax dictionary names, written from their
 * descriptions in the GS1 General Specifications and the syntax test reference. Each works on a
 * range of the value so that parsing a component does not copy it, and returns a short phrase
 * saying what is wrong (or null), which the caller turns into a sentence naming AI, value and
 * linter. The dictionary loader refuses a linter name missing here, so a new dictionary release
 * cannot silently skip a check.
 */
final class Linters {

  /** A content check of {@code s[from, to)}: null when fine, else what is wrong. */
  @FunctionalInterface
  interface Linter {
    String lint(String s, int from, int to);
  }

  static final boolean[] CSET82 = table(CharacterSets.CSET82);
  static final boolean[] CSET39 = table(CharacterSets.CSET39);
  static final boolean[] CSET64 = table(CharacterSets.CSET64);
  private static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final int[] PRIMES = primes(97);
  private static final int GCP_MIN_LENGTH = 4;

  private static final Map<String, Linter> LINTERS = new HashMap<>();

  static {
    LINTERS.put("csum", Linters::csum);
    LINTERS.put("csumalpha", Linters::csumalpha);
    LINTERS.put("gcppos1", (s, f, t) -> gcp(s, f, t));
    LINTERS.put("gcppos2", (s, f, t) -> gcp(s, Math.min(f + 1, t), t));
    LINTERS.put("key", (s, f, t) -> gcp(s, f, t));
    LINTERS.put("keyoff1", (s, f, t) -> gcp(s, Math.min(f + 1, t), t));
    LINTERS.put("hasnondigit", Linters::hasnondigit);
    LINTERS.put("yymmd0", (s, f, t) -> date(s, f, t, false, true));
    LINTERS.put("yymmdd", (s, f, t) -> date(s, f, t, false, false));
    LINTERS.put("yyyymmd0", (s, f, t) -> date(s, f, t, true, true));
    LINTERS.put("yyyymmdd", (s, f, t) -> date(s, f, t, true, false));
    LINTERS.put("yymmddhh", Linters::yymmddhh);
    LINTERS.put("hh", (s, f, t) -> range(s, f, t, 2, 0, 23, "hour must be 00 to 23"));
    LINTERS.put("mi", (s, f, t) -> range(s, f, t, 2, 0, 59, "minute must be 00 to 59"));
    LINTERS.put("ss", (s, f, t) -> range(s, f, t, 2, 0, 59, "second must be 00 to 59"));
    LINTERS.put("hhmi", Linters::hhmi);
    LINTERS.put("hhmm", Linters::hhmi);
    LINTERS.put("mmoptss", Linters::mmoptss);
    LINTERS.put("hyphen", Linters::hyphen);
    LINTERS.put("iban", Linters::iban);
    LINTERS.put("importeridx", Linters::importeridx);
    LINTERS.put("iso3166", Linters::iso3166);
    LINTERS.put("iso3166999", Linters::iso3166999);
    LINTERS.put("iso3166alpha2", Linters::iso3166alpha2);
    LINTERS.put("iso4217", Linters::iso4217);
    LINTERS.put(
        "iso5218", (s, f, t) -> oneOf(s, f, t, "0129", "must be 0, 1, 2 or 9 (ISO/IEC 5218 sex)"));
    LINTERS.put(
        "latitude", (s, f, t) -> max(s, f, t, 1_800_000_000L, "latitude must be 0 to 1800000000"));
    LINTERS.put(
        "longitude",
        (s, f, t) -> max(s, f, t, 3_600_000_000L, "longitude must be 0 to 3600000000"));
    LINTERS.put("mediatype", Linters::mediatype);
    LINTERS.put("nonzero", Linters::nonzero);
    LINTERS.put("nozeroprefix", Linters::nozeroprefix);
    LINTERS.put("packagetype", Linters::packagetype);
    LINTERS.put("pcenc", Linters::pcenc);
    LINTERS.put("pieceoftotal", Linters::pieceoftotal);
    LINTERS.put("posinseqslash", Linters::posinseqslash);
    LINTERS.put(
        "winding", (s, f, t) -> oneOf(s, f, t, "019", "winding direction must be 0, 1 or 9"));
    LINTERS.put("yesno", (s, f, t) -> oneOf(s, f, t, "01", "must be 0 (no) or 1 (yes)"));
    LINTERS.put("zero", (s, f, t) -> oneOf(s, f, t, "0", "must be 0"));
    LINTERS.put("couponcode", Coupons::couponcode);
    LINTERS.put("couponposoffer", Coupons::couponposoffer);
  }

  private Linters() {}

  static Linter get(String name) {
    Linter l = LINTERS.get(name);
    if (l == null) {
      throw new IllegalStateException(
          "GS1 syntax dictionary names linter '" + name + "', not implemented");
    }
    return l;
  }

  static Set<String> names() {
    return Collections.unmodifiableSet(LINTERS.keySet());
  }

  // ---- character sets

  private static boolean[] table(String chars) {
    boolean[] t = new boolean[128];
    for (int i = 0; i < chars.length(); i++) {
      t[chars.charAt(i)] = true;
    }
    return t;
  }

  static int firstOutside(String s, int from, int to, boolean[] table) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 128 || !table[c]) {
        return i;
      }
    }
    return -1;
  }

  /**
   * CSET 64 with optional '=' padding: at most two, only at the end, padded length a multiple of 4.
   */
  static int firstOutsideCset64(String s, int from, int to) {
    int end = to;
    while (end > from && to - end < 2 && s.charAt(end - 1) == '=') {
      end--;
    }
    int bad = firstOutside(s, from, end, CSET64);
    if (bad >= 0) {
      return bad;
    }
    if (end < to && (to - from) % 4 != 0) {
      return end;
    }
    return -1;
  }

  // ---- helpers

  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String oneOf(String s, int from, int to, String allowed, String failure) {
    return to - from == 1 && allowed.indexOf(s.charAt(from)) >= 0 ? null : failure;
  }

  private static String range(
      String s, int from, int to, int len, int min, int max, String failure) {
    if (to - from != len || !allDigits(s, from, to)) {
      return failure;
    }
    int v = digits(s, from, len);
    return v < min || v > max ? failure : null;
  }

  private static String max(String s, int from, int to, long max, String failure) {
    if (to == from || !allDigits(s, from, to)) {
      return failure;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
      if (v > max) {
        return failure;
      }
    }
    return null;
  }

  // ---- check digits and keys

  private static String csum(String s, int from, int to) {
    CharSequence digits = from == 0 && to == s.length() ? s : s.subSequence(from, to);
    return CheckDigit.isValid(digits) ? null : "check digit is wrong";
  }

  private static String csumalpha(String s, int from, int to) {
    int len = to - from;
    if (len < 2) {
      return "too short to hold a check character pair";
    }
    if (len - 2 > PRIMES.length) {
      return "too long for the check character pair calculation";
    }
    int sum = 0;
    for (int i = from, w = len - 3; i < to - 2; i++, w--) {
      int v = CharacterSets.CSET82.indexOf(s.charAt(i));
      if (v < 0) {
        return "character outside GS1 character set 82";
      }
      sum += v * PRIMES[w];
    }
    sum %= 1021;
    char c1 = s.charAt(to - 2);
    char c2 = s.charAt(to - 1);
    if (CSET32.indexOf(c1) < 0 || CSET32.indexOf(c2) < 0) {
      return "check characters must be from GS1 character set 32";
    }
    return c1 == CSET32.charAt(sum >> 5) && c2 == CSET32.charAt(sum & 31)
        ? null
        : "check character pair is wrong";
  }

  private static int[] primes(int count) {
    int[] p = new int[count];
    int n = 0;
    for (int c = 2; n < count; c++) {
      boolean prime = true;
      for (int d = 2; d * d <= c; d++) {
        if (c % d == 0) {
          prime = false;
          break;
        }
      }
      if (prime) {
        p[n++] = c;
      }
    }
    return p;
  }

  private static String gcp(String s, int from, int to) {
    if (to - from < GCP_MIN_LENGTH || !allDigits(s, from, from + GCP_MIN_LENGTH)) {
      return "does not start with a GS1 Company Prefix (at least " + GCP_MIN_LENGTH + " digits)";
    }
    return null;
  }

  private static String hasnondigit(String s, int from, int to) {
    return allDigits(s, from, to) ? "must contain at least one non-digit character" : null;
  }

  // ---- dates and times

  private static String date(String s, int from, int to, boolean fourDigitYear, boolean dayZero) {
    int yl = fourDigitYear ? 4 : 2;
    String failure =
        (fourDigitYear ? "is not a valid date YYYYMMDD" : "is not a valid date YYMMDD")
            + (dayZero ? " (day 00 allowed)" : "");
    if (to - from != yl + 4 || !allDigits(s, from, to)) {
      return failure;
    }
    int y = digits(s, from, yl);
    int m = digits(s, from + yl, 2);
    int d = digits(s, from + yl + 2, 2);
    int year = fourDigitYear ? y : Gs1Dates.resolveYear(y, Gs1Dates.currentYear());
    if (m < 1 || m > 12 || d > Gs1Dates.lengthOfMonth(year, m) || (d == 0 && !dayZero)) {
      return failure;
    }
    return null;
  }

  private static String yymmddhh(String s, int from, int to) {
    if (to - from != 8) {
      return "is not a valid date and hour YYMMDDHH";
    }
    String d = date(s, from, from + 6, false, false);
    return d != null
        ? "is not a valid date and hour YYMMDDHH"
        : range(s, from + 6, to, 2, 0, 23, "hour must be 00 to 23");
  }

  private static String hhmi(String s, int from, int to) {
    String failure = "is not a valid time HHMM (hour 00 to 23, minute 00 to 59)";
    if (to - from != 4 || !allDigits(s, from, to)) {
      return failure;
    }
    return digits(s, from, 2) > 23 || digits(s, from + 2, 2) > 59 ? failure : null;
  }

  private static String mmoptss(String s, int from, int to) {
    String failure = "is not valid minutes MM with optional seconds SS";
    int len = to - from;
    if ((len != 2 && len != 4) || !allDigits(s, from, to)) {
      return failure;
    }
    return digits(s, from, 2) > 59 || (len == 4 && digits(s, from + 2, 2) > 59) ? failure : null;
  }

  // ---- fixed content

  private static String hyphen(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != '-') {
        return "must be a hyphen '-'";
      }
    }
    return null;
  }

  private static String nonzero(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != '0') {
        return null;
      }
    }
    return "must not be zero";
  }

  private static String nozeroprefix(String s, int from, int to) {
    return to - from > 1 && s.charAt(from) == '0' ? "must not start with a zero" : null;
  }

  private static String importeridx(String s, int from, int to) {
    if (to - from != 1) {
      return "importer index must be a single character";
    }
    char c = s.charAt(from);
    boolean ok =
        c == '-'
            || c == '_'
            || (c >= '0' && c <= '9')
            || (c >= 'A' && c <= 'Z')
            || (c >= 'a' && c <= 'z');
    return ok ? null : "importer index must be one of - 0-9 A-Z _ a-z";
  }

  private static String mediatype(String s, int from, int to) {
    String failure = "is not an AIDC media type (01 to 10, 80 to 99)";
    if (to - from != 2 || !allDigits(s, from, to)) {
      return failure;
    }
    int v = digits(s, from, 2);
    return (v >= 1 && v <= 10) || v >= 80 ? null : failure;
  }

  private static String pieceoftotal(String s, int from, int to) {
    int len = to - from;
    String failure = "piece number must be from 1 to the total count, which must not be zero";
    if (len == 0 || len % 2 != 0 || !allDigits(s, from, to)) {
      return failure;
    }
    int half = len / 2;
    int piece = digits(s, from, half);
    int total = digits(s, from + half, half);
    return piece == 0 || total == 0 || piece > total ? failure : null;
  }

  private static String posinseqslash(String s, int from, int to) {
    String failure = "must be position/total, e.g. 1/2, with 1 <= position <= total";
    int slash = -1;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '/') {
        if (slash >= 0) {
          return failure;
        }
        slash = i;
      }
    }
    if (slash <= from || slash >= to - 1) {
      return failure;
    }
    if (!allDigits(s, from, slash) || !allDigits(s, slash + 1, to)) {
      return failure;
    }
    if (s.charAt(from) == '0' || s.charAt(slash + 1) == '0') {
      return failure;
    }
    int pos = digits(s, from, slash - from);
    int total = digits(s, slash + 1, to - slash - 1);
    return pos > total ? failure : null;
  }

  private static String pcenc(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '%') {
        if (i + 2 >= to || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          return "'%' must be followed by two hexadecimal digits";
        }
        i += 2;
      }
    }
    return null;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  }

  // ---- code lists

  private static String iso3166(String s, int from, int to) {
    return to - from == 3
            && allDigits(s, from, to)
            && CodeLists.isIso3166Numeric(digits(s, from, 3))
        ? null
        : "is not an ISO 3166 numeric country code";
  }

  private static String iso3166999(String s, int from, int to) {
    if (to - from == 3 && allDigits(s, from, to)) {
      int v = digits(s, from, 3);
      if (v == 999 || CodeLists.isIso3166Numeric(v)) {
        return null;
      }
    }
    return "is neither an ISO 3166 numeric country code nor 999";
  }

  private static String iso3166alpha2(String s, int from, int to) {
    return to - from == 2 && CodeLists.isIso3166Alpha2(s.charAt(from), s.charAt(from + 1))
        ? null
        : "is not an ISO 3166 alpha-2 country code";
  }

  private static String iso4217(String s, int from, int to) {
    return to - from == 3
            && allDigits(s, from, to)
            && CodeLists.isIso4217Numeric(digits(s, from, 3))
        ? null
        : "is not an ISO 4217 numeric currency code";
  }

  private static String packagetype(String s, int from, int to) {
    return CodeLists.isPackageType(s.substring(from, to))
        ? null
        : "is not a package type code (UN/ECE Recommendation 21 or GS1)";
  }

  private static String iban(String s, int from, int to) {
    int len = to - from;
    if (len < 4) {
      return "is too short for an IBAN";
    }
    if (!CodeLists.isIso3166Alpha2(s.charAt(from), s.charAt(from + 1))) {
      return "IBAN does not start with an ISO 3166 alpha-2 country code";
    }
    if (len > 34) {
      return "is too long for an IBAN (at most 34 characters)";
    }
    if (len <= 10) {
      return "is too short for an IBAN";
    }
    int mod = 0;
    for (int k = 0; k < len; k++) {
      char c = s.charAt(from + (k + 4) % len);
      if (c >= '0' && c <= '9') {
        mod = (mod * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        mod = (mod * 100 + (c - 'A' + 10)) % 97;
      } else {
        return "IBAN may only hold digits and upper-case letters";
      }
    }
    return mod == 1 ? null : "IBAN check digits are wrong";
  }
}
