package org.custodia.gs1.ai;

/**
 * The two North American coupon linters: {@code couponcode} for the original coupon code carried in
 * AI (8110) and {@code couponposoffer} for the positive offer file coupon in AI (8112). Both are
 * chains of length-prefixed fields, so they are read with a small cursor rather than a pattern;
 * they follow the field list of the GS1 US coupon guidelines.
 */
final class Coupons {

  private Coupons() {}

  /** A cursor over the digits of one coupon value. */
  private static final class Cursor {
    final String s;
    int p;
    final int end;

    Cursor(String s, int from, int to) {
      this.s = s;
      this.p = from;
      this.end = to;
    }

    boolean atEnd() {
      return p >= end;
    }

    int remaining() {
      return end - p;
    }

    int peek() {
      return s.charAt(p) - '0';
    }

    int next() {
      return s.charAt(p++) - '0';
    }
  }

  private static String notDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return "coupon code must be all digits";
      }
    }
    return null;
  }

  static String couponcode(String s, int from, int to) {
    String bad = notDigits(s, from, to);
    if (bad != null) {
      return bad;
    }
    Cursor c = new Cursor(s, from, to);
    String f = gcp(c, "company prefix", false);
    if (f != null) {
      return f;
    }
    if (c.remaining() < 6) {
      return "coupon offer code is truncated";
    }
    c.p += 6;
    f = vliField(c, 1, 5, "save value");
    if (f != null) {
      return f;
    }
    f = purchase(c, "first purchase");
    if (f != null) {
      return f;
    }
    if (!c.atEnd() && c.peek() == 1) {
      c.p++;
      if (c.atEnd()) {
        return "coupon additional purchase rules code is missing";
      }
      if (c.next() > 3) {
        return "coupon additional purchase rules code must be 0 to 3";
      }
      f = purchase(c, "second purchase");
      if (f == null) {
        f = gcp(c, "second purchase company prefix", true);
      }
      if (f != null) {
        return f;
      }
    }
    if (!c.atEnd() && c.peek() == 2) {
      c.p++;
      f = purchase(c, "third purchase");
      if (f == null) {
        f = gcp(c, "third purchase company prefix", true);
      }
      if (f != null) {
        return f;
      }
    }
    String expiry = null;
    if (!c.atEnd() && c.peek() == 3) {
      c.p++;
      if (c.remaining() < 6) {
        return "coupon expiration date is truncated";
      }
      if (Linters.get("yymmdd").lint(s, c.p, c.p + 6) != null) {
        return "coupon expiration date is not a valid date YYMMDD";
      }
      expiry = s.substring(c.p, c.p + 6);
      c.p += 6;
    }
    if (!c.atEnd() && c.peek() == 4) {
      c.p++;
      if (c.remaining() < 6) {
        return "coupon start date is truncated";
      }
      if (Linters.get("yymmdd").lint(s, c.p, c.p + 6) != null) {
        return "coupon start date is not a valid date YYMMDD";
      }
      if (expiry != null && s.substring(c.p, c.p + 6).compareTo(expiry) > 0) {
        return "coupon expiration date is before its start date";
      }
      c.p += 6;
    }
    if (!c.atEnd() && c.peek() == 5) {
      c.p++;
      f = serial(c);
      if (f != null) {
        return f;
      }
    }
    if (!c.atEnd() && c.peek() == 6) {
      c.p++;
      if (c.atEnd()) {
        return "coupon retailer company prefix or GLN length indicator is missing";
      }
      int vli = c.next();
      if (vli < 1 || vli > 7) {
        return "coupon retailer company prefix or GLN length indicator must be 1 to 7";
      }
      if (c.remaining() < vli + 6) {
        return "coupon retailer company prefix or GLN is truncated";
      }
      c.p += vli + 6;
    }
    if (!c.atEnd() && c.peek() == 9) {
      c.p++;
      if (c.atEnd()) {
        return "coupon save value code is missing";
      }
      int code = c.next();
      if (code != 0 && code != 1 && code != 2 && code != 5 && code != 6) {
        return "coupon save value code must be 0, 1, 2, 5 or 6";
      }
      if (c.atEnd()) {
        return "coupon save value applies-to-item flag is missing";
      }
      if (c.next() > 2) {
        return "coupon save value applies-to-item flag must be 0 to 2";
      }
      if (c.atEnd()) {
        return "coupon store coupon flag is missing";
      }
      c.p++;
      if (c.atEnd()) {
        return "coupon don't-multiply flag is missing";
      }
      if (c.next() > 1) {
        return "coupon don't-multiply flag must be 0 or 1";
      }
    }
    return c.atEnd() ? null : "coupon code has unexpected data after its last field";
  }

  static String couponposoffer(String s, int from, int to) {
    String bad = notDigits(s, from, to);
    if (bad != null) {
      return bad;
    }
    Cursor c = new Cursor(s, from, to);
    if (c.atEnd()) {
      return "coupon format code is missing";
    }
    if (c.next() > 1) {
      return "coupon format code must be 0 or 1";
    }
    String f = gcp(c, "funder ID", false);
    if (f != null) {
      return f;
    }
    if (c.remaining() < 6) {
      return "coupon offer code is truncated";
    }
    c.p += 6;
    f = serial(c);
    if (f != null) {
      return f;
    }
    return c.atEnd() ? null : "coupon code has unexpected data after the serial number";
  }

  /** A company prefix: length indicator 0-6 gives 6-12 digits; 9 (when allowed) means none. */
  private static String gcp(Cursor c, String name, boolean nineMeansNone) {
    if (c.atEnd()) {
      return "coupon " + name + " length indicator is missing";
    }
    int vli = c.next();
    if (nineMeansNone && vli == 9) {
      return null;
    }
    if (vli > 6) {
      return "coupon " + name + " length indicator must be 0 to 6";
    }
    if (c.remaining() < vli + 6) {
      return "coupon " + name + " is truncated";
    }
    c.p += vli + 6;
    return null;
  }

  private static String vliField(Cursor c, int min, int max, String name) {
    if (c.atEnd()) {
      return "coupon " + name + " length indicator is missing";
    }
    int vli = c.next();
    if (vli < min || vli > max) {
      return "coupon " + name + " length indicator must be " + min + " to " + max;
    }
    if (c.remaining() < vli) {
      return "coupon " + name + " is truncated";
    }
    c.p += vli;
    return null;
  }

  /** A purchase requirement (length-prefixed), its requirement code and its 3-digit family code. */
  private static String purchase(Cursor c, String name) {
    String f = vliField(c, 1, 5, name + " requirement");
    if (f != null) {
      return f;
    }
    if (c.atEnd()) {
      return "coupon " + name + " requirement code is missing";
    }
    int code = c.next();
    if (code > 4 && code != 9) {
      return "coupon " + name + " requirement code must be 0 to 4 or 9";
    }
    if (c.remaining() < 3) {
      return "coupon " + name + " family code is truncated";
    }
    c.p += 3;
    return null;
  }

  private static String serial(Cursor c) {
    if (c.atEnd()) {
      return "coupon serial number length indicator is missing";
    }
    int vli = c.next() + 6;
    if (c.remaining() < vli) {
      return "coupon serial number is truncated";
    }
    c.p += vli;
    return null;
  }
}
