package org.custodia.gs1.ai;

import java.util.List;

/**
 * Everything the GS1 Barcode Syntax Dictionary says about one Application Identifier: its title,
 * its components, whether it has a pre-defined length (and so needs no FNC1 separator), whether it
 * may be a GS1 Digital Link data attribute or primary key, and the AIs it requires or excludes.
 * Instances come only from {@link SyntaxDictionary}; nothing here is typed by hand.
 */
public final class AiDefinition {

  private final String ai;
  private final boolean predefinedLength;
  private final boolean dlDataAttribute;
  private final List<Component> components;
  private final List<List<String[]>> requirements;
  private final List<String> exclusions;
  private final List<List<String>> dlQualifierSequences;
  private final String title;
  private final int minLength;
  private final int maxLength;
  final String[] exclusionPatterns;
  final Component[] componentArray;

  AiDefinition(
      String ai,
      boolean predefinedLength,
      boolean dlDataAttribute,
      List<Component> components,
      List<List<String[]>> requirements,
      List<String> exclusions,
      List<List<String>> dlQualifierSequences,
      String title) {
    this.ai = ai;
    this.predefinedLength = predefinedLength;
    this.dlDataAttribute = dlDataAttribute;
    this.components = List.copyOf(components);
    this.requirements = List.copyOf(requirements);
    this.exclusions = List.copyOf(exclusions);
    this.dlQualifierSequences =
        dlQualifierSequences == null ? null : List.copyOf(dlQualifierSequences);
    this.title = title;
    int min = 0;
    int max = 0;
    for (Component c : components) {
      if (!c.isOptional()) {
        min += c.minLength();
      }
      max += c.maxLength();
    }
    this.minLength = min;
    this.maxLength = max;
    this.exclusionPatterns = exclusions.toArray(new String[0]);
    this.componentArray = components.toArray(new Component[0]);
  }

  /** The AI, e.g. {@code "01"} or {@code "3103"}. */
  public String ai() {
    return ai;
  }

  /** The dictionary title, e.g. {@code "GTIN"}; empty where the dictionary gives none. */
  public String title() {
    return title;
  }

  /** True for the {@code *} flag: a pre-defined length AI that is never followed by FNC1. */
  public boolean isPredefinedLength() {
    return predefinedLength;
  }

  /** True when raw data needs a FNC1 (GS) separator after this AI unless it comes last. */
  public boolean needsFnc1() {
    return !predefinedLength;
  }

  /** True for the {@code ?} flag: the AI may appear as a GS1 Digital Link data attribute. */
  public boolean isDlDataAttribute() {
    return dlDataAttribute;
  }

  /** True when the AI is a GS1 Digital Link primary key ({@code dlpkey}). */
  public boolean isDlPrimaryKey() {
    return dlQualifierSequences != null;
  }

  /**
   * The alternative ordered qualifier sequences of a Digital Link primary key ({@code
   * dlpkey=22,10,21|235} gives two); empty for a key without qualifiers, null for an AI that is no
   * primary key.
   */
  public List<List<String>> dlQualifierSequences() {
    return dlQualifierSequences;
  }

  public List<Component> components() {
    return components;
  }

  public int minLength() {
    return minLength;
  }

  public int maxLength() {
    return maxLength;
  }

  public boolean isFixedLength() {
    return minLength == maxLength;
  }

  /**
   * The mandatory associations: one entry per {@code req=} attribute, each a list of alternatives,
   * each alternative the AI patterns that must all be present ({@code n} matches any digit).
   */
  public List<List<String[]>> requirements() {
    return requirements;
  }

  /** The AI patterns this AI may not appear with ({@code ex=}); {@code n} matches any digit. */
  public List<String> exclusions() {
    return exclusions;
  }

  /**
   * True when {@code ai} matches {@code pattern}, where {@code n} in the pattern matches any digit.
   */
  public static boolean matches(String pattern, String ai) {
    int n = pattern.length();
    if (ai.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char p = pattern.charAt(i);
      if (p != ai.charAt(i) && p != 'n') {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a value against this AI's components: character set, lengths and every linter. Returns
   * the first problem, or null when the value is valid.
   */
  public Problem check(String value) {
    int len = value.length();
    if (len > maxLength) {
      return Problem.of(ai, value, "length", tooLongText(len));
    }
    int pos = 0;
    Component[] cs = componentArray;
    for (Component c : cs) {
      if (pos == len && c.isOptional()) {
        break;
      }
      int remaining = len - pos;
      int take;
      if (c.isFixedLength()) {
        if (remaining < c.minLength()) {
          return Problem.of(ai, value, "length", tooShortText(len));
        }
        take = c.minLength();
      } else {
        take = Math.min(remaining, c.maxLength());
        if (take < c.minLength()) {
          return Problem.of(ai, value, "length", tooShortText(len));
        }
      }
      int bad = firstOutsideType(c.type(), value, pos, pos + take);
      if (bad >= 0) {
        return Problem.of(
            ai,
            value,
            "format",
            "character '"
                + printable(value.charAt(bad))
                + "' at position "
                + (bad + 1)
                + " is not allowed ("
                + typeText(c.type())
                + ")");
      }
      Linters.Linter[] ls = c.linters;
      for (int i = 0; i < ls.length; i++) {
        String failure = ls[i].lint(value, pos, pos + take);
        if (failure != null) {
          return Problem.of(ai, value, c.linterNames().get(i), failure);
        }
      }
      pos += take;
    }
    if (pos < len) {
      return Problem.of(ai, value, "length", tooLongText(len));
    }
    return null;
  }

  private String lengthSpec() {
    if (isFixedLength()) {
      return "exactly " + maxLength + " characters";
    }
    return minLength + " to " + maxLength + " characters";
  }

  String tooLongText(int len) {
    return "is " + len + " characters long, must be " + lengthSpec();
  }

  private String tooShortText(int len) {
    return "is " + len + " characters long, must be " + lengthSpec();
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04X", (int) c) : String.valueOf(c);
  }

  private static String typeText(char type) {
    switch (type) {
      case 'N':
        return "digits only";
      case 'Y':
        return "GS1 character set 39 only";
      case 'Z':
        return "GS1 character set 64 (base64url) only";
      default:
        return "GS1 character set 82 only";
    }
  }

  private static int firstOutsideType(char type, String s, int from, int to) {
    switch (type) {
      case 'N':
        for (int i = from; i < to; i++) {
          char ch = s.charAt(i);
          if (ch < '0' || ch > '9') {
            return i;
          }
        }
        return -1;
      case 'X':
        return Linters.firstOutside(s, from, to, Linters.CSET82);
      case 'Y':
        return Linters.firstOutside(s, from, to, Linters.CSET39);
      default:
        return Linters.firstOutsideCset64(s, from, to);
    }
  }

  @Override
  public String toString() {
    return "(" + ai + ") " + title;
  }
}
