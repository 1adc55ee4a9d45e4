package org.custodia.platform.interfaces.rest;

/**
 * A request field whose value the edge could not turn into a value object: names the field, the value,
 * and where GS1 rules were broken, the AI and the rule.
 */
public class InvalidFieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String ai;
  private final String rule;

  public InvalidFieldException(String field, String value, String ai, String rule, String message) {
    super(message);
    this.field = field;
    this.value = value;
    this.ai = ai;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }

  public String ai() {
    return ai;
  }

  public String rule() {
    return rule;
  }
}
