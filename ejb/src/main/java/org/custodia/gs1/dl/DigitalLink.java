package org.custodia.gs1.dl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.ai.AiDefinition;
import org.custodia.gs1.ai.Element;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.SyntaxDictionary;

/**
 * Converts between GS1 Digital Link URIs and element strings, so that a QR code on a pack and the
 * DataMatrix beside it can be compared as the same data. Which AI may be a primary key, which
 * qualifiers it takes and in what order, and which AIs may be query data attributes all come from
 * the syntax dictionary ({@code dlpkey} and the {@code ?} flag), never from a table here.
 *
 * <p>Parsing accepts any scheme-and-host (custom domains) and any path prefix before the primary
 * key, pads a GTIN-8, -12 or -13 in the path to 14 digits, and reads numeric query parameters as
 * data attributes. Other query parameters (e.g. {@code linkType}) are not GS1 data and are ignored;
 * this includes the deprecated convenience alphas such as {@code gtin} or {@code exp}, which are
 * not supported. Every result is checked as a whole element string, so a DL carries exactly the
 * rules a barcode does.
 */
public final class DigitalLink {

  /** The canonical GS1 resolver, used when no base URI is given. */
  public static final String DEFAULT_BASE = "https://id.gs1.org";

  private DigitalLink() {}

  /**
   * Reads the GS1 data of a Digital Link URI.
   *
   * @throws Gs1Exception when the URI has no primary key ({@code dl-path}), qualifiers in a wrong
   *     order ({@code dl-path}), a query AI that may not be an attribute ({@code dl-attribute}),
   *     bad percent-encoding ({@code dl-encoding}), or data that breaks any element string rule
   */
  public static ElementString parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    int schemeEnd = uri.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd);
    if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      throw new Gs1Exception(
          null, uri, "dl-uri", "\"" + uri + "\" is not an http or https URI (dl-uri)");
    }
    int end = uri.indexOf('#');
    if (end < 0) {
      end = uri.length();
    }
    int pathStart = uri.indexOf('/', schemeEnd + 3);
    int q = uri.indexOf('?', schemeEnd + 3);
    if (q >= end) {
      q = -1;
    }
    if (pathStart < 0 || pathStart >= end || (q >= 0 && pathStart > q)) {
      throw noKey(uri);
    }
    String path = uri.substring(pathStart + 1, q < 0 ? end : q);
    String query = q < 0 ? "" : uri.substring(q + 1, end);

    List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
    while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    int key = findPrimaryKey(segments);
    if (key < 0) {
      throw noKey(uri);
    }
    List<Element> elements = new ArrayList<>();
    AiDefinition keyDef = SyntaxDictionary.definition(segments.get(key));
    String keyValue = decode(keyDef.ai(), segments.get(key + 1));
    if (keyDef.ai().equals("01") && isDigits(keyValue)) {
      int n = keyValue.length();
      if (n == 8 || n == 12 || n == 13) {
        keyValue = "0".repeat(14 - n) + keyValue;
      }
    }
    elements.add(new Element(keyDef.ai(), keyValue));
    List<String> qualifiers = new ArrayList<>();
    for (int i = key + 2; i < segments.size(); i += 2) {
      String ai = segments.get(i);
      String value = decode(ai, segments.get(i + 1));
      qualifiers.add(ai);
      if (!allowedQualifiers(keyDef, qualifiers)) {
        throw new Gs1Exception(
            ai,
            value,
            "dl-path",
            "AI ("
                + ai
                + ") value \""
                + value
                + "\": is not a key qualifier of AI ("
                + keyDef.ai()
                + ") in this position; allowed in order: "
                + describeSequences(keyDef)
                + " (dl-path)");
      }
      elements.add(new Element(ai, value));
    }
    for (String param : query.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = eq < 0 ? param : param.substring(0, eq);
      if (!isDigits(name)) {
        continue;
      }
      String value = decode(name, eq < 0 ? "" : param.substring(eq + 1));
      AiDefinition d = SyntaxDictionary.definition(name);
      if (d == null) {
        throw new Gs1Exception(
            name,
            value,
            "unknown-ai",
            "AI ("
                + name
                + ") value \""
                + value
                + "\": is not a known Application Identifier (unknown-ai)");
      }
      if (!d.isDlDataAttribute()) {
        throw notAttribute(d.ai(), value, keyDef.ai());
      }
      elements.add(new Element(d.ai(), value));
    }
    return ElementString.of(elements);
  }

  /** As {@link #format(ElementString, String)} with the base {@value #DEFAULT_BASE}. */
  public static String format(ElementString data) {
    return format(data, DEFAULT_BASE);
  }

  /**
   * The canonical Digital Link URI for {@code data}: the primary key (the first element that is
   * one) and its qualifiers in dictionary order in the path, every other element as a query data
   * attribute in element string order, values percent-encoded outside the URI unreserved set.
   *
   * @param baseUri scheme, host and optional path prefix, e.g. {@code https://brand.example/dl}
   * @throws Gs1Exception ({@code dl-primary-key}) when no element is a primary key, ({@code
   *     dl-attribute}) when an element is neither a qualifier nor a permitted data attribute
   */
  public static String format(ElementString data, String baseUri) {
    Objects.requireNonNull(data, "data");
    String base = baseUri == null ? DEFAULT_BASE : baseUri;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    List<Element> elements = data.elements();
    int keyIndex = -1;
    for (int i = 0; i < elements.size(); i++) {
      if (SyntaxDictionary.definition(elements.get(i).ai()).isDlPrimaryKey()) {
        keyIndex = i;
        break;
      }
    }
    if (keyIndex < 0) {
      String shown = data.toBracketed();
      throw new Gs1Exception(
          null,
          shown,
          "dl-primary-key",
          "\""
              + shown
              + "\" has no AI that can be a GS1 Digital Link primary key (dl-primary-key)");
    }
    Element key = elements.get(keyIndex);
    AiDefinition keyDef = SyntaxDictionary.definition(key.ai());
    List<String> sequence = bestSequence(keyDef, data);
    boolean[] used = new boolean[elements.size()];
    used[keyIndex] = true;
    StringBuilder sb = new StringBuilder(base.length() + 64).append(base);
    sb.append('/').append(key.ai()).append('/');
    encode(key.value(), sb);
    for (String q : sequence) {
      for (int i = 0; i < elements.size(); i++) {
        if (!used[i] && elements.get(i).ai().equals(q)) {
          used[i] = true;
          sb.append('/').append(q).append('/');
          encode(elements.get(i).value(), sb);
          break;
        }
      }
    }
    char sep = '?';
    for (int i = 0; i < elements.size(); i++) {
      if (used[i]) {
        continue;
      }
      Element e = elements.get(i);
      if (!SyntaxDictionary.definition(e.ai()).isDlDataAttribute()) {
        throw notAttribute(e.ai(), e.value(), key.ai());
      }
      sb.append(sep).append(e.ai()).append('=');
      encode(e.value(), sb);
      sep = '&';
    }
    return sb.toString();
  }

  private static Gs1Exception noKey(String uri) {
    return new Gs1Exception(
        null,
        uri,
        "dl-path",
        "\"" + uri + "\" has no GS1 primary key with its value in the path (dl-path)");
  }

  private static Gs1Exception notAttribute(String ai, String value, String keyAi) {
    return new Gs1Exception(
        ai,
        value,
        "dl-attribute",
        "AI ("
            + ai
            + ") value \""
            + value
            + "\": cannot be carried in a GS1 Digital Link URI, being neither a key qualifier of AI"
            + " ("
            + keyAi
            + ") nor a Digital Link data attribute (dl-attribute)");
  }

  /**
   * The first segment index that starts {@code key/value(/qualifier/value)*} up to the end of the
   * path with qualifiers the key allows, so that a path prefix (even one that looks numeric) is
   * skipped. Failing that, the first index that has the shape, so that the caller reports the
   * qualifier at fault.
   */
  private static int findPrimaryKey(List<String> segments) {
    int shaped = -1;
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (hasKeyShape(segments, i)) {
        List<String> qualifiers = new ArrayList<>();
        for (int k = i + 2; k < segments.size(); k += 2) {
          qualifiers.add(segments.get(k));
        }
        if (allowedQualifiers(SyntaxDictionary.definition(segments.get(i)), qualifiers)) {
          return i;
        }
        if (shaped < 0) {
          shaped = i;
        }
      }
    }
    return shaped;
  }

  private static boolean hasKeyShape(List<String> segments, int i) {
    int n = segments.size();
    if ((n - i) % 2 != 0) {
      return false;
    }
    AiDefinition d = SyntaxDictionary.definition(segments.get(i));
    if (d == null || !d.isDlPrimaryKey()) {
      return false;
    }
    for (int k = i + 2; k < n; k += 2) {
      if (SyntaxDictionary.definition(segments.get(k)) == null) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code qualifiers} is an in-order subsequence of one of the key's sequences. */
  private static boolean allowedQualifiers(AiDefinition key, List<String> qualifiers) {
    for (List<String> seq : key.dlQualifierSequences()) {
      int k = 0;
      for (String s : seq) {
        if (k < qualifiers.size() && qualifiers.get(k).equals(s)) {
          k++;
        }
      }
      if (k == qualifiers.size()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> bestSequence(AiDefinition key, ElementString data) {
    List<String> best = List.of();
    int bestCount = 0;
    for (List<String> seq : key.dlQualifierSequences()) {
      int c = 0;
      for (String q : seq) {
        if (data.contains(q)) {
          c++;
        }
      }
      if (c > bestCount) {
        best = seq;
        bestCount = c;
      }
    }
    return best;
  }

  private static String describeSequences(AiDefinition key) {
    if (key.dlQualifierSequences().isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> seq : key.dlQualifierSequences()) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(String.join(", ", seq));
    }
    return sb.toString();
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code value} percent-encoded: only RFC 3986 unreserved characters stay literal. */
  static void encode(String value, StringBuilder sb) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      }
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static String decode(String ai, String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          throw new Gs1Exception(
              ai,
              s,
              "dl-encoding",
              "AI ("
                  + ai
                  + ") value \""
                  + s
                  + "\": '%' must be followed by two hexadecimal digits (dl-encoding)");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
