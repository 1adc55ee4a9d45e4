package org.custodia.gs1.ai;

import java.util.Objects;

/**
 * One Application Identifier and its value, e.g. {@code (17)281231}. It holds no rule of its own:
 * an element is only checked as part of an {@link ElementString}, because several GS1 rules
 * (mandatory associations, exclusions, duplicates) can only be judged over the whole string.
 */
public record Element(String ai, String value) {

  public Element {
    Objects.requireNonNull(ai, "ai");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "(" + ai + ")" + value;
  }
}
