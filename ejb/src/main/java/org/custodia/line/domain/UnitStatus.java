package org.custodia.line.domain;

/**
 * What became of one serial of a work order. ALLOCATED: drawn from the pool, label not sent yet; PRINTED:
 * label data sent to the printer, no camera verdict yet; GOOD: verified and commissioned; REJECTED: taken
 * off by the reject station (reason code); SAMPLED: taken as a sample; DESTROYED: printed but destroyed;
 * UNUSED: never printed, returned to the pool marked unused.
 */
public enum UnitStatus {
  ALLOCATED,
  PRINTED,
  GOOD,
  REJECTED,
  SAMPLED,
  DESTROYED,
  UNUSED
}
