package org.custodia.gs1.ai;

/**
 * One broken GS1 rule found while reading an element string. It carries the same facts as {@link
 * org.custodia.gs1.Gs1Exception} so that the code inspector can list every problem at once while
 * {@link ElementStrings#parse(String)} throws for the first.
 *
 * @param ai the Application Identifier concerned, or null when none could be read
 * @param value the offending value, or null
 * @param rule a syntax dictionary linter name ({@code csum}, {@code yymmd0}, ...) or one of ours
 *     ({@code unknown-ai}, {@code length}, {@code format}, {@code req}, {@code ex}, {@code
 *     duplicate-ai}, {@code fnc1}, {@code symbology})
 * @param message a plain English sentence naming AI, value and rule
 */
public record Problem(String ai, String value, String rule, String message) {

  org.custodia.gs1.Gs1Exception toException() {
    return new org.custodia.gs1.Gs1Exception(ai, value, rule, message);
  }

  static Problem of(String ai, String value, String rule, String what) {
    StringBuilder sb = new StringBuilder(64);
    if (ai != null) {
      sb.append("AI (").append(ai).append(')');
      if (value != null) {
        sb.append(" value \"").append(value).append('"');
      }
      sb.append(": ");
    }
    sb.append(what).append(" (").append(rule).append(')');
    return new Problem(ai, value, rule, sb.toString());
  }
}
