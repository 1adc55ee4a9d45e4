package org.custodia.aggregation.domain;

/**
 * Why a station's case or pallet was refused: a short stable code and a sentence naming the child (or the
 * parent) and the rule.
 */
public record Refusal(String code, String sentence) {

  /** {@code code: sentence}, the form the line shows and logs. */
  public String text() {
    return code + ": " + sentence;
  }
}
