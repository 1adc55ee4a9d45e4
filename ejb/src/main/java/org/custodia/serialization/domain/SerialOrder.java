package org.custodia.serialization.domain;

/** How a pool hands out its serials. */
public enum SerialOrder {
  /** Random-looking order through a keyed permutation of a counter: unique by construction. */
  RANDOM,
  /** Counting up, zero-padded to the pool's length. Guessable, so not for markets that need randomisation. */
  SEQUENTIAL,
  /** Serials issued by someone else (a state operator, a CMO) and imported, handed out in import order. */
  IMPORTED
}
