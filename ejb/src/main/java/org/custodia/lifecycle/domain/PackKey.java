package org.custodia.lifecycle.domain;

/** A pack: a GTIN (14 digits) and a serial, whatever form of EPC its events name it by. */
public record PackKey(String gtin, String serial) {}
