package org.custodia.supplychain.domain;

import java.io.Serializable;

/**
 * One line of a receipt: an object and what receiving found for it.
 *
 * @param covered how many objects inside it the line stands for as well (the contents of a missing case)
 * @param exceptionId the supply exception raised for a discrepancy, or null
 */
public record ReceiptLine(String epc, Outcome outcome, int covered, Long exceptionId) implements Serializable {

  /** The same line with the exception raised for it. */
  public ReceiptLine withException(long id) {
    return new ReceiptLine(epc, outcome, covered, id);
  }
}
