package org.custodia.verification.domain;

/** Who asked: a trading partner through the lightweight verification responder, or a user of ours. */
public enum Channel {
  VRS,
  INTERNAL
}
