package org.custodia.gs1;

/**
 * Escaping of GS1 alphanumeric values inside the two URI syntaxes our identifiers render to. The
 * two standards escape different characters, so a serial must be escaped once per target and never
 * shared: the EPC Tag Data Standard escapes only the seven CSET 82 characters that are not legal in
 * a URN component, while GS1 Digital Link percent-encodes every character outside the RFC 3986
 * unreserved set.
 */
public final class UriComponents {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The CSET 82 characters that the TDS requires to be escaped in an EPC URI, in code order. */
  private static final String EPC_ESCAPED = "\"%&/<>?";

  private UriComponents() {}

  /**
   * Escapes a CSET 82 value for an EPC URI component (TDS, "GS3A3Component"): {@code " % & / < > ?}
   * become {@code %22 %25 %26 %2F %3C %3E %3F}; all other CSET 82 characters stay literal.
   *
   * @throws Gs1Exception with rule {@code cset82} for a character outside CSET 82
   */
  public static String epcEscape(String ai, String value) {
    requireCset82(ai, value);
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (EPC_ESCAPED.indexOf(c) >= 0) {
        appendPercent(out, c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Reverses {@link #epcEscape}. Only the seven escapes of the TDS are accepted (hex digits in
   * either case); any other {@code %} sequence, or a character that may not appear literally, is
   * refused, so that each value has a single EPC URI spelling.
   *
   * @throws Gs1Exception with rule {@code epc-escape} or {@code cset82}
   */
  public static String epcUnescape(String ai, String component) {
    StringBuilder out = new StringBuilder(component.length());
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '%') {
        int code = i + 2 < component.length() ? hexPair(component, i + 1) : -1;
        if (code < 0 || EPC_ESCAPED.indexOf((char) code) < 0) {
          throw new Gs1Exception(
              ai,
              component,
              "epc-escape",
              "Bad escape at position "
                  + (i + 1)
                  + " of EPC URI component '"
                  + component
                  + "': only %22 %25 %26 %2F %3C %3E %3F are allowed");
        }
        out.append((char) code);
        i += 2;
      } else if (EPC_ESCAPED.indexOf(c) >= 0 || !CharacterSets.isCset82(String.valueOf(c))) {
        throw new Gs1Exception(
            ai,
            component,
            c == '%' || EPC_ESCAPED.indexOf(c) >= 0 ? "epc-escape" : "cset82",
            "Character '"
                + c
                + "' at position "
                + (i + 1)
                + " of EPC URI component '"
                + component
                + "' is not allowed unescaped");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Percent-encodes a CSET 82 value for a GS1 Digital Link path segment: every character outside
   * the RFC 3986 unreserved set ({@code A-Z a-z 0-9 - . _ ~}) is written as {@code %XX} with
   * upper-case hex, so that {@code /}, {@code ?}, {@code #} or {@code %} in a serial can never
   * change the URI structure.
   */
  public static String digitalLinkEncode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
      } else if (c < 0x80) {
        appendPercent(out, c);
      } else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          appendPercent(out, (char) (b & 0xFF));
        }
      }
    }
    return out.toString();
  }

  /**
   * Joins a Digital Link base ({@code https://id.gs1.org} or a brand's own domain, optionally with
   * a path prefix) and a path, dropping any trailing slash of the base.
   *
   * @throws Gs1Exception with rule {@code base-uri} when the base is not an http(s) URI
   */
  static String digitalLink(String baseUri, String path) {
    if (baseUri == null
        || !(baseUri.startsWith("https://") || baseUri.startsWith("http://"))
        || baseUri.indexOf('?') >= 0
        || baseUri.indexOf('#') >= 0) {
      throw new Gs1Exception(
          "DL",
          baseUri,
          "base-uri",
          "A Digital Link base must be an http(s) URI without query or fragment: " + baseUri);
    }
    String base = baseUri;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + path;
  }

  static void requireCset82(String ai, String value) {
    int bad = CharacterSets.firstOutsideCset82(value);
    if (bad >= 0) {
      throw new Gs1Exception(
          ai,
          value,
          "cset82",
          "AI ("
              + ai
              + ") value '"
              + value
              + "' has character '"
              + value.charAt(bad)
              + "' at position "
              + (bad + 1)
              + " outside GS1 character set 82");
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static void appendPercent(StringBuilder out, char c) {
    out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
  }

  private static int hexPair(String s, int at) {
    int hi = hexDigit(s.charAt(at));
    int lo = hexDigit(s.charAt(at + 1));
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
