package org.custodia.line.api;

/**
 * A command did not reach the line or the line refused it; the message says which line and why.
 * Nothing is known to have happened on the line.
 */
public class LineException extends Exception {

  private static final long serialVersionUID = 1L;

  /** With a message naming the line and the reason. */
  public LineException(String message) {
    super(message);
  }

  /** With a message and the cause. */
  public LineException(String message, Throwable cause) {
    super(message, cause);
  }
}
