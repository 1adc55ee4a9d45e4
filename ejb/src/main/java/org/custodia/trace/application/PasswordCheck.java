package org.custodia.trace.application;

/** Checks a user's password again, for an electronic signature (AUD-2). */
public interface PasswordCheck {

  /** Whether {@code password} is {@code user}'s password now. */
  boolean verify(String user, char[] password);
}
