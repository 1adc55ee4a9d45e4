package org.custodia.gs1.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.gs1.CheckDigit;

/**
 * Test data made from the syntax dictionary itself: a valid value for any AI, built component by
 * component at maximum length so that each linter is satisfied, and the companion AIs that its
 * {@code req=} associations demand (avoiding {@code ex=} clashes). Tests use it to cover every
 * dictionary entry rather than a hand-picked list.
 */
public final class AiSamples {

  private static final String X_FILL = "Ab1-(./:_x'Z9+*,;<=>?!&\"";
  private static final String Y_FILL = "AB0-#/Z9";
  private static final String Z_FILL = "AbZ_-09y";

  private AiSamples() {}

  /** A valid value for {@code def}, with every optional component present. */
  public static String validValue(AiDefinition def) {
    StringBuilder sb = new StringBuilder();
    for (Component c : def.components()) {
      sb.append(componentValue(c));
    }
    return sb.toString();
  }

  static String componentValue(Component c) {
    List<String> l = c.linterNames();
    int len = c.maxLength();
    if (l.contains("csum")) {
      String body = repeat("950600013435", len - 1);
      return body + CheckDigit.compute(body);
    }
    if (l.contains("csumalpha")) {
      return "1987654Ad4X4bL5ttr2310c2K";
    }
    if (l.contains("couponcode")) {
      return "012345612345611110123";
    }
    if (l.contains("couponposoffer")) {
      return "001234561234560123456";
    }
    if (l.contains("iban")) {
      return "DE91100000000123456789";
    }
    if (l.contains("pcenc")) {
      return "Ab%2F" + repeat(X_FILL.replace("%", ""), len - 5);
    }
    if (l.contains("yymmd0") || l.contains("yymmdd")) {
      return "281231";
    }
    if (l.contains("yyyymmdd")) {
      return "20281231";
    }
    String fixed = fixedFor(l);
    if (fixed != null) {
      return fixed;
    }
    if (l.contains("gcppos1") || l.contains("gcppos2")) {
      return "0614141" + repeat(c.type() == 'Y' ? Y_FILL : X_FILL, len - 7);
    }
    switch (c.type()) {
      case 'N':
        return repeat("1234567890", len);
      case 'Y':
        return repeat(Y_FILL, len);
      case 'Z':
        return repeat(Z_FILL, len);
      default:
        return repeat(X_FILL, len);
    }
  }

  private static String fixedFor(List<String> l) {
    Map<String, String> fixed = new LinkedHashMap<>();
    fixed.put("hh", "12");
    fixed.put("mi", "30");
    fixed.put("ss", "45");
    fixed.put("hhmi", "1230");
    fixed.put("iso3166", "250");
    fixed.put("iso3166999", "999");
    fixed.put("iso3166alpha2", "FR");
    fixed.put("iso4217", "978");
    fixed.put("iso5218", "2");
    fixed.put("latitude", "1234567890");
    fixed.put("longitude", "3456789012");
    fixed.put("mediatype", "01");
    fixed.put("winding", "1");
    fixed.put("yesno", "1");
    fixed.put("zero", "0");
    fixed.put("hyphen", "-");
    fixed.put("importeridx", "A");
    fixed.put("packagetype", "BX");
    fixed.put("pieceoftotal", "0102");
    fixed.put("posinseqslash", "1/2");
    for (String name : l) {
      if (fixed.containsKey(name)) {
        return fixed.get(name);
      }
    }
    return null;
  }

  private static String repeat(String fill, int len) {
    StringBuilder sb = new StringBuilder(len);
    while (sb.length() < len) {
      sb.append(fill, 0, Math.min(fill.length(), len - sb.length()));
    }
    return sb.toString();
  }

  /**
   * {@code ai} with its valid value first, followed by the AIs its mandatory associations need,
   * each with a valid value; the list satisfies every {@code req=} and {@code ex=} rule.
   */
  public static List<Element> sampleFor(String ai) {
    List<AiDefinition> chosen = new ArrayList<>();
    chosen.add(SyntaxDictionary.definition(ai));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < chosen.size(); i++) {
        for (List<String[]> group : chosen.get(i).requirements()) {
          if (satisfied(group, chosen)) {
            continue;
          }
          for (String[] alternative : group) {
            List<AiDefinition> add = new ArrayList<>();
            for (String pattern : alternative) {
              if (!present(pattern, chosen)) {
                add.add(SyntaxDictionary.definition(pattern.replace('n', '0')));
              }
            }
            if (compatible(add, chosen)) {
              chosen.addAll(add);
              changed = true;
              break;
            }
          }
        }
      }
    }
    List<Element> out = new ArrayList<>();
    for (AiDefinition d : chosen) {
      out.add(new Element(d.ai(), validValue(d)));
    }
    return out;
  }

  private static boolean satisfied(List<String[]> group, List<AiDefinition> chosen) {
    for (String[] alternative : group) {
      boolean all = true;
      for (String p : alternative) {
        all &= present(p, chosen);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(String pattern, List<AiDefinition> chosen) {
    return chosen.stream().anyMatch(d -> AiDefinition.matches(pattern, d.ai()));
  }

  private static boolean compatible(List<AiDefinition> add, List<AiDefinition> chosen) {
    List<AiDefinition> all = new ArrayList<>(chosen);
    all.addAll(add);
    for (AiDefinition a : all) {
      for (AiDefinition b : all) {
        if (a != b && a.exclusions().stream().anyMatch(p -> AiDefinition.matches(p, b.ai()))) {
          return false;
        }
      }
    }
    return true;
  }
}
