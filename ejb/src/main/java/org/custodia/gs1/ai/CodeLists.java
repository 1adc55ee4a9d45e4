package org.custodia.gs1.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The standard code lists some linters check against (ISO 3166 country codes, ISO 4217 currency
 * codes, package types). They are kept as resource files beside the dictionary so that a code-list
 * update is a data change, and loaded once into tables that answer without allocating.
 */
final class CodeLists {

  private static final boolean[] ISO3166_NUMERIC = numericTable("iso3166-numeric.txt");
  private static final boolean[] ISO4217_NUMERIC = numericTable("iso4217-numeric.txt");
  private static final boolean[] ISO3166_ALPHA2 = alpha2Table("iso3166-alpha2.txt");
  private static final Set<String> PACKAGE_TYPES = wordSet("package-types.txt");

  private CodeLists() {}

  static boolean isIso3166Numeric(int code) {
    return code >= 0 && code < 1000 && ISO3166_NUMERIC[code];
  }

  static boolean isIso4217Numeric(int code) {
    return code >= 0 && code < 1000 && ISO4217_NUMERIC[code];
  }

  static boolean isIso3166Alpha2(char a, char b) {
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
      return false;
    }
    return ISO3166_ALPHA2[(a - 'A') * 26 + (b - 'A')];
  }

  static boolean isPackageType(String code) {
    return PACKAGE_TYPES.contains(code);
  }

  private static boolean[] numericTable(String resource) {
    boolean[] t = new boolean[1000];
    for (String code : firstWords(resource)) {
      t[Integer.parseInt(code)] = true;
    }
    return t;
  }

  private static boolean[] alpha2Table(String resource) {
    boolean[] t = new boolean[26 * 26];
    for (String code : firstWords(resource)) {
      t[(code.charAt(0) - 'A') * 26 + (code.charAt(1) - 'A')] = true;
    }
    return t;
  }

  private static Set<String> firstWords(String resource) {
    Set<String> out = new HashSet<>();
    for (String line : lines(resource)) {
      out.add(line.split("\\s+", 2)[0]);
    }
    return out;
  }

  private static Set<String> wordSet(String resource) {
    Set<String> out = new HashSet<>();
    for (String line : lines(resource)) {
      for (String w : line.split("\\s+")) {
        out.add(w);
      }
    }
    return Set.copyOf(out);
  }

  private static java.util.List<String> lines(String resource) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (InputStream in = CodeLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.trim();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
