package org.custodia.lifecycle.domain;

/** A batch: a GTIN and a lot. */
public record BatchKey(String gtin, String lot) {}
