package org.custodia.gs1.ai;

import java.util.List;

/**
 * One component of an AI's data field as the syntax dictionary describes it, e.g. {@code
 * N3,iso3166} in AI (421) or the optional {@code [X..17]} serial of a GDTI. An AI value is checked
 * component by component, each consuming a prefix of the remaining data, so that each linter sees
 * only its part.
 */
public final class Component {

  private final char type;
  private final int minLength;
  private final int maxLength;
  private final boolean optional;
  private final List<String> linterNames;
  final Linters.Linter[] linters;

  Component(char type, int minLength, int maxLength, boolean optional, List<String> linterNames) {
    this.type = type;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.optional = optional;
    this.linterNames = List.copyOf(linterNames);
    this.linters = new Linters.Linter[linterNames.size()];
    for (int i = 0; i < linters.length; i++) {
      linters[i] = Linters.get(linterNames.get(i));
    }
  }

  /** {@code N} numeric, {@code X} CSET 82, {@code Y} CSET 39 or {@code Z} CSET 64 (base64url). */
  public char type() {
    return type;
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

  /** True for a component written {@code [...]}: it may be left out at the end of the value. */
  public boolean isOptional() {
    return optional;
  }

  /** The names of the linters applied to this component, in dictionary order. */
  public List<String> linterNames() {
    return linterNames;
  }

  @Override
  public String toString() {
    String spec = type + (isFixedLength() ? "" : "..") + maxLength;
    StringBuilder sb = new StringBuilder(optional ? "[" + spec + "]" : spec);
    for (String l : linterNames) {
      sb.append(',').append(l);
    }
    return sb.toString();
  }
}
