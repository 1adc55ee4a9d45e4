package org.custodia.serialization.application;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import org.custodia.serialization.domain.SerialPool;
import org.custodia.serialization.domain.SerialSpace;

/** A serial pool as callers outside the feature see it. */
public record PoolView(
    long id,
    String gtin,
    String charset,
    int length,
    String order,
    BigInteger spaceSize,
    long capacity,
    long issued,
    BigDecimal guessProbability,
    String markets,
    String status,
    OffsetDateTime createdAt,
    String createdBy) {

  static PoolView of(SerialPool p) {
    return new PoolView(
        p.id(),
        p.gtin().value(),
        p.charset().name(),
        p.length(),
        p.order().name(),
        p.isImport() ? null : SerialSpace.size(p.charset(), p.length()),
        p.capacity(),
        p.issued(),
        p.guessProbability(),
        p.markets(),
        p.status().name(),
        p.createdAt(),
        p.createdBy());
  }
}
