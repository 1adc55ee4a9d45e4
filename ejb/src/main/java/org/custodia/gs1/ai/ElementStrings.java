package org.custodia.gs1.ai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodia.gs1.Gs1Exception;

/**
 * Reads GS1 element strings in every form they reach the system: bracketed text typed by a user
 * ({@code (01)09506000134352(10)ABC}), raw scanner data with GS separators, optionally led by a GS
 * (the way ZXing returns the initial FNC1) or by a GS1 symbology identifier ({@code ]d2}, {@code
 * ]C1}, {@code ]Q3}, {@code ]e0}, {@code ]J1}). Every rule comes from the {@link SyntaxDictionary}:
 * format and linters per component, FNC1 after AIs without pre-defined length, mandatory
 * associations ({@code req}) and exclusions ({@code ex}) over the whole string, and duplicates.
 *
 * <p>{@link #parse(String)} is the strict path for production data and throws for the first
 * problem; {@link #analyse(String)} is the code inspector's path and reports every problem without
 * throwing. Parsing avoids regular expressions and intermediate copies because line scanners call
 * it for every pack.
 */
public final class ElementStrings {

  private static final String[] SYMBOLOGY_IDENTIFIERS = {"]d2", "]C1", "]Q3", "]e0", "]J1"};

  private ElementStrings() {}

  /**
   * Parses and checks an element string in bracketed or raw form.
   *
   * @throws Gs1Exception for the first broken rule, naming AI, value and rule
   */
  public static ElementString parse(String input) {
    Reader r = new Reader(true);
    r.read(input);
    r.checkWhole();
    return new ElementString(Arrays.copyOf(r.elements, r.count));
  }

  /** Reads as much of {@code input} as possible and lists every problem found; never throws. */
  public static Analysis analyse(String input) {
    Reader r = new Reader(false);
    if (input == null) {
      r.report(Problem.of(null, null, "format", "there is no element string data"));
    } else {
      r.read(input);
      r.checkWhole();
    }
    List<Analysis.Item> items = new ArrayList<>(r.count);
    for (int i = 0; i < r.count; i++) {
      AiDefinition d = r.defs[i];
      items.add(new Analysis.Item(r.elements[i], d == null ? "" : d.title()));
    }
    return new Analysis(items, r.problems == null ? List.of() : r.problems);
  }

  /**
   * Checks a value for one AI on its own (format and linters, no associations); null when valid.
   */
  public static Problem checkValue(String ai, String value) {
    AiDefinition d = SyntaxDictionary.definition(ai);
    if (d == null) {
      return Problem.of(ai, value, "unknown-ai", "is not a known Application Identifier");
    }
    return d.check(value);
  }

  static ElementString validate(List<Element> list) {
    Reader r = new Reader(true);
    for (Element e : list) {
      AiDefinition d = SyntaxDictionary.definition(e.ai());
      if (d == null) {
        r.report(
            Problem.of(e.ai(), e.value(), "unknown-ai", "is not a known Application Identifier"));
      } else {
        Problem p = d.check(e.value());
        if (p != null) {
          r.report(p);
        }
      }
      r.add(d, e);
    }
    if (r.count == 0) {
      r.report(Problem.of(null, null, "format", "there is no element string data"));
    }
    r.checkWhole();
    return new ElementString(Arrays.copyOf(r.elements, r.count));
  }

  /** One reading pass; collects problems or throws at the first, depending on {@code failFast}. */
  private static final class Reader {
    final boolean failFast;
    Element[] elements = new Element[8];
    AiDefinition[] defs = new AiDefinition[8];
    int count;
    List<Problem> problems;

    Reader(boolean failFast) {
      this.failFast = failFast;
    }

    void report(Problem p) {
      if (failFast) {
        throw p.toException();
      }
      if (problems == null) {
        problems = new ArrayList<>();
      }
      problems.add(p);
    }

    void add(AiDefinition d, Element e) {
      if (count == elements.length) {
        elements = Arrays.copyOf(elements, count * 2);
        defs = Arrays.copyOf(defs, count * 2);
      }
      elements[count] = e;
      defs[count++] = d;
    }

    void read(String input) {
      int end = input.length();
      int pos = 0;
      if (end > 0 && input.charAt(0) == ']') {
        pos = symbologyIdentifierLength(input);
        if (pos < 0) {
          String id = input.substring(0, Math.min(3, end));
          report(
              Problem.of(
                  null,
                  id,
                  "symbology",
                  "symbology identifier \""
                      + id
                      + "\" does not announce GS1 data; expected ]d2, ]C1, ]Q3, ]e0 or ]J1"));
          return;
        }
      }
      if (pos < end && input.charAt(pos) == ElementString.GS) {
        pos++;
      }
      if (pos == end) {
        report(Problem.of(null, null, "format", "there is no element string data"));
        return;
      }
      if (input.charAt(pos) == '(') {
        readBracketed(input, pos);
      } else {
        readRaw(input, pos);
      }
    }

    private static int symbologyIdentifierLength(String input) {
      for (String id : SYMBOLOGY_IDENTIFIERS) {
        if (input.startsWith(id)) {
          return id.length();
        }
      }
      return -1;
    }

    private void readRaw(String s, int pos) {
      int end = s.length();
      while (pos < end) {
        AiDefinition d = SyntaxDictionary.atPosition(s, pos);
        if (d == null) {
          int k = pos;
          while (k < end && k < pos + 4 && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
          }
          String shown = s.substring(pos, Math.min(end, pos + 6));
          report(
              Problem.of(
                  k > pos ? s.substring(pos, k) : null,
                  null,
                  "unknown-ai",
                  "the data \""
                      + printable(shown)
                      + "\" at position "
                      + (pos + 1)
                      + " does not start with a known Application Identifier"));
          return;
        }
        int vs = pos + d.ai().length();
        int ve;
        if (d.isPredefinedLength()) {
          ve = Math.min(vs + d.maxLength(), end);
          pos = ve;
          if (pos < end && s.charAt(pos) == ElementString.GS) {
            pos++;
          }
        } else {
          int gs = s.indexOf(ElementString.GS, vs);
          ve = gs < 0 ? end : gs;
          pos = gs < 0 ? end : gs + 1;
        }
        String value = s.substring(vs, ve);
        Problem p = d.check(value);
        if (p != null) {
          if (d.isFixedLength() && value.length() > d.maxLength() && "length".equals(p.rule())) {
            p =
                Problem.of(
                    d.ai(),
                    value,
                    "fnc1",
                    "is longer than the AI's fixed length of "
                        + d.maxLength()
                        + "; a GS (FNC1) separator must follow this AI when more data follows");
          }
          report(p);
        }
        add(d, new Element(d.ai(), value));
      }
    }

    private void readBracketed(String s, int pos) {
      int end = s.length();
      while (pos < end) {
        if (s.charAt(pos) != '(') {
          report(
              Problem.of(
                  null,
                  null,
                  "format",
                  "expected '(' at position " + (pos + 1) + " of the bracketed data"));
          return;
        }
        int close = s.indexOf(')', pos + 1);
        if (close < 0) {
          report(
              Problem.of(
                  null, null, "format", "the '(' at position " + (pos + 1) + " is never closed"));
          return;
        }
        String ai = s.substring(pos + 1, close);
        int j = close + 1;
        boolean escaped = false;
        while (j < end) {
          char c = s.charAt(j);
          if (c == '(') {
            break;
          }
          if (c == '\\' && j + 1 < end && s.charAt(j + 1) == '(') {
            escaped = true;
            j += 2;
          } else {
            j++;
          }
        }
        String value =
            escaped ? s.substring(close + 1, j).replace("\\(", "(") : s.substring(close + 1, j);
        pos = j;
        AiDefinition d = SyntaxDictionary.definition(ai);
        if (d == null) {
          report(Problem.of(ai, value, "unknown-ai", "is not a known Application Identifier"));
          add(null, new Element(ai, value));
          continue;
        }
        Problem p = d.check(value);
        if (p != null) {
          report(p);
        }
        add(d, new Element(d.ai(), value));
      }
    }

    /** Duplicates, mandatory associations and exclusions, judged over the whole string. */
    void checkWhole() {
      removeDuplicates();
      for (int i = 0; i < count; i++) {
        AiDefinition d = defs[i];
        if (d == null) {
          continue;
        }
        for (List<String[]> group : d.requirements()) {
          if (!satisfied(group)) {
            Element e = elements[i];
            report(
                Problem.of(
                    e.ai(),
                    e.value(),
                    "req",
                    "requires " + describe(group) + " in the same element string"));
          }
        }
      }
      for (int i = 0; i < count; i++) {
        for (int j = i + 1; j < count; j++) {
          AiDefinition a = defs[i];
          AiDefinition b = defs[j];
          if (a == null || b == null || a == b) {
            continue;
          }
          if (matchesAny(a.exclusionPatterns, b.ai()) || matchesAny(b.exclusionPatterns, a.ai())) {
            Element e = elements[j];
            report(
                Problem.of(
                    e.ai(), e.value(), "ex", "may not appear together with AI (" + a.ai() + ")"));
          }
        }
      }
    }

    private void removeDuplicates() {
      for (int i = 0; i < count; i++) {
        for (int j = i + 1; j < count; j++) {
          if (elements[i].ai().equals(elements[j].ai())) {
            if (elements[i].value().equals(elements[j].value())) {
              System.arraycopy(elements, j + 1, elements, j, count - j - 1);
              System.arraycopy(defs, j + 1, defs, j, count - j - 1);
              count--;
              j--;
            } else {
              Element e = elements[j];
              report(
                  Problem.of(
                      e.ai(),
                      e.value(),
                      "duplicate-ai",
                      "appears twice with different values (first \""
                          + elements[i].value()
                          + "\")"));
            }
          }
        }
      }
    }

    private boolean satisfied(List<String[]> alternatives) {
      for (String[] all : alternatives) {
        boolean ok = true;
        for (String pattern : all) {
          if (!present(pattern)) {
            ok = false;
            break;
          }
        }
        if (ok) {
          return true;
        }
      }
      return false;
    }

    private boolean present(String pattern) {
      for (int k = 0; k < count; k++) {
        if (defs[k] != null && AiDefinition.matches(pattern, elements[k].ai())) {
          return true;
        }
      }
      return false;
    }

    private static boolean matchesAny(String[] patterns, String ai) {
      for (String p : patterns) {
        if (AiDefinition.matches(p, ai)) {
          return true;
        }
      }
      return false;
    }

    private static String describe(List<String[]> alternatives) {
      StringBuilder sb = new StringBuilder("AI ");
      for (int a = 0; a < alternatives.size(); a++) {
        if (a > 0) {
          sb.append(a == alternatives.size() - 1 ? " or " : ", ");
        }
        String[] all = alternatives.get(a);
        for (int k = 0; k < all.length; k++) {
          if (k > 0) {
            sb.append(" with ");
          }
          sb.append('(').append(all[k]).append(')');
        }
      }
      return sb.toString();
    }

    private static String printable(String s) {
      return s.replace(String.valueOf(ElementString.GS), "<GS>");
    }
  }
}
