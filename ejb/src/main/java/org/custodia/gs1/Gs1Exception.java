package org.custodia.gs1;

import java.util.Objects;

/**
 * Raised when data breaks a GS1 rule. It names what a user needs to correct the input: the Application
 * Identifier (or the identifier type, such as {@code GTIN}, where no AI applies), the offending value, and
 * the rule that was broken (a GS1 Barcode Syntax Dictionary linter name such as {@code csum}, or a rule
 * of our own such as {@code length}).
 */
public class Gs1Exception extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String ai;
  private final String value;
  private final String rule;

  public Gs1Exception(String ai, String value, String rule, String message) {
    super(message);
    this.ai = ai;
    this.value = value;
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** The AI (e.g. {@code "01"}) or the identifier type (e.g. {@code "SSCC"}); may be null. */
  public String ai() {
    return ai;
  }

  /** The value that broke the rule; may be null when the value was missing. */
  public String value() {
    return value;
  }

  /** The rule broken: a syntax dictionary linter name or one of our rule names. */
  public String rule() {
    return rule;
  }
}
