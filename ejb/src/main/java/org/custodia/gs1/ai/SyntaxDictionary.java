package org.custodia.gs1.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GS1 Barcode Syntax Dictionary, read once from the bundled resource {@code
 * gs1-syntax-dictionary.txt} (Apache-2.0, GS1 AISBL). Every AI rule in this package comes from that
 * file: updating to a new GS1 release means replacing the file, not editing tables. The entries are
 * also indexed by the numeric value of their 2, 3 or 4 digits so that raw barcode data can be split
 * without building substrings.
 */
public final class SyntaxDictionary {

  static final String RESOURCE = "gs1-syntax-dictionary.txt";

  private static final Map<String, AiDefinition> BY_AI;
  private static final AiDefinition[][] BY_NUMBER = {
    null, null, new AiDefinition[100], new AiDefinition[1000], new AiDefinition[10000]
  };
  private static final Set<String> LINTERS_USED;

  static {
    Map<String, AiDefinition> map = new LinkedHashMap<>();
    Set<String> linters = new TreeSet<>();
    try (InputStream in = SyntaxDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        try {
          for (AiDefinition d : parseEntry(t)) {
            if (map.put(d.ai(), d) != null) {
              throw new IllegalStateException("AI " + d.ai() + " defined twice");
            }
            for (Component c : d.components()) {
              linters.addAll(c.linterNames());
            }
          }
        } catch (RuntimeException e) {
          throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (AiDefinition d : map.values()) {
      BY_NUMBER[d.ai().length()][Integer.parseInt(d.ai())] = d;
    }
    BY_AI = Collections.unmodifiableMap(map);
    LINTERS_USED = Collections.unmodifiableSet(linters);
  }

  private SyntaxDictionary() {}

  /** The definition of {@code ai}, or null when the dictionary has no such AI. */
  public static AiDefinition definition(String ai) {
    int n = ai.length();
    if (n < 2 || n > 4) {
      return null;
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      char c = ai.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return BY_NUMBER[n][v];
  }

  /**
   * The AI that starts raw data {@code s} at {@code pos}: the 2-, 3- or 4-digit prefix that is a
   * known AI (GS1 AIs are prefix-free, so at most one matches), or null.
   */
  static AiDefinition atPosition(String s, int pos) {
    int v = 0;
    int end = s.length();
    for (int n = 1; n <= 4 && pos + n - 1 < end; n++) {
      char c = s.charAt(pos + n - 1);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
      if (n >= 2) {
        AiDefinition d = BY_NUMBER[n][v];
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /** All AI definitions, in dictionary order (AI ranges expanded, e.g. 3100 to 3105). */
  public static Collection<AiDefinition> definitions() {
    return BY_AI.values();
  }

  /** The names of all linters that the dictionary applies to some component. */
  public static Set<String> linterNames() {
    return LINTERS_USED;
  }

  // ---- parsing the dictionary format (see the header comment of the resource file)

  private static List<AiDefinition> parseEntry(String line) {
    String title = "";
    int hash = line.indexOf('#');
    String body = line;
    if (hash >= 0) {
      title = line.substring(hash + 1).trim();
      body = line.substring(0, hash).trim();
    }
    String[] tokens = body.split("\\s+");
    String ais = tokens[0];
    int i = 1;
    boolean star = false;
    boolean dl = false;
    if (i < tokens.length && !isComponent(tokens[i])) {
      String flags = tokens[i++];
      star = flags.indexOf('*') >= 0;
      dl = flags.indexOf('?') >= 0;
    }
    List<Component> components = new ArrayList<>();
    while (i < tokens.length && isComponent(tokens[i])) {
      components.add(parseComponent(tokens[i++]));
    }
    if (components.isEmpty()) {
      throw new IllegalStateException("no components for " + ais);
    }
    checkComponentOrder(components);
    List<List<String[]>> req = new ArrayList<>();
    List<String> ex = new ArrayList<>();
    List<List<String>> dlpkey = null;
    for (; i < tokens.length; i++) {
      String a = tokens[i];
      if (a.startsWith("req=")) {
        List<String[]> alternatives = new ArrayList<>();
        for (String alt : a.substring(4).split(",")) {
          alternatives.add(alt.split("\\+"));
        }
        req.add(alternatives);
      } else if (a.startsWith("ex=")) {
        Collections.addAll(ex, a.substring(3).split(","));
      } else if (a.equals("dlpkey")) {
        dlpkey = List.of();
      } else if (a.startsWith("dlpkey=")) {
        dlpkey = new ArrayList<>();
        for (String seq : a.substring(7).split("\\|")) {
          dlpkey.add(List.of(seq.split(",")));
        }
      } else {
        throw new IllegalStateException("unknown attribute '" + a + "'");
      }
    }
    List<AiDefinition> out = new ArrayList<>();
    int dash = ais.indexOf('-');
    if (dash < 0) {
      out.add(new AiDefinition(ais, star, dl, components, req, ex, dlpkey, title));
    } else {
      String first = ais.substring(0, dash);
      String last = ais.substring(dash + 1);
      if (first.length() != last.length()) {
        throw new IllegalStateException("bad AI range " + ais);
      }
      for (int v = Integer.parseInt(first); v <= Integer.parseInt(last); v++) {
        String ai = String.format("%0" + first.length() + "d", v);
        out.add(new AiDefinition(ai, star, dl, components, req, ex, dlpkey, title));
      }
    }
    return out;
  }

  private static boolean isComponent(String token) {
    int k = token.startsWith("[") ? 1 : 0;
    if (token.length() < k + 2) {
      return false;
    }
    char type = token.charAt(k);
    char next = token.charAt(k + 1);
    return (type == 'N' || type == 'X' || type == 'Y' || type == 'Z')
        && (next == '.' || (next >= '0' && next <= '9'));
  }

  private static Component parseComponent(String token) {
    boolean optional = token.startsWith("[");
    String spec;
    String rest;
    if (optional) {
      int close = token.indexOf(']');
      if (close < 0) {
        throw new IllegalStateException("unclosed optional component " + token);
      }
      spec = token.substring(1, close);
      rest = token.substring(close + 1);
    } else {
      int comma = token.indexOf(',');
      spec = comma < 0 ? token : token.substring(0, comma);
      rest = comma < 0 ? "" : token.substring(comma);
    }
    char type = spec.charAt(0);
    int min;
    int max;
    if (spec.startsWith("..", 1)) {
      min = 1;
      max = Integer.parseInt(spec.substring(3));
    } else {
      min = Integer.parseInt(spec.substring(1));
      max = min;
    }
    List<String> linters = new ArrayList<>();
    if (!rest.isEmpty()) {
      if (rest.charAt(0) != ',') {
        throw new IllegalStateException("bad component " + token);
      }
      for (String l : rest.substring(1).split(",")) {
        linters.add(l);
      }
    }
    return new Component(type, min, max, optional, linters);
  }

  private static void checkComponentOrder(List<Component> components) {
    boolean optionalSeen = false;
    for (int k = 0; k < components.size(); k++) {
      Component c = components.get(k);
      if (optionalSeen && !c.isOptional()) {
        throw new IllegalStateException("mandatory component after an optional one");
      }
      optionalSeen |= c.isOptional();
      if (!c.isFixedLength() && k < components.size() - 1) {
        throw new IllegalStateException("only the final component may have variable length");
      }
    }
  }
}
