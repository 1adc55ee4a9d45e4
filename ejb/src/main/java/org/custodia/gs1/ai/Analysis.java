package org.custodia.gs1.ai;

import java.util.List;

/**
 * What the code inspector shows for a scanned or typed element string: every element that could be
 * read, with its title from the syntax dictionary, and every problem found. Unlike {@link
 * ElementStrings#parse(String)} an analysis never throws, so a user sees all mistakes at once.
 *
 * @param elements the elements read, in input order (including ones whose value broke a rule)
 * @param problems all problems found, empty when the input is a valid element string
 */
public record Analysis(List<Item> elements, List<Problem> problems) {

  public Analysis {
    elements = List.copyOf(elements);
    problems = List.copyOf(problems);
  }

  /** True when no problem was found. */
  public boolean isValid() {
    return problems.isEmpty();
  }

  /**
   * One element as read, with the dictionary title of its AI (e.g. {@code "GTIN"}, {@code "USE BY
   * or EXPIRY"}); the title is empty for an unknown AI.
   */
  public record Item(Element element, String title) {}
}
