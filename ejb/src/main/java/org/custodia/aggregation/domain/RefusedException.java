package org.custodia.aggregation.domain;

/** Thrown by the domain's readers for a code a station sent that cannot be used; carries the refusal. */
public class RefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  public RefusedException(String code, String sentence) {
    super(code + ": " + sentence);
    this.refusal = new Refusal(code, sentence);
  }

  public Refusal refusal() {
    return refusal;
  }
}
