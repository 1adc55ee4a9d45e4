package org.custodia.gs1.epc;

import java.util.Objects;

/**
 * An identifier read from an EPC URI, together with the GS1 company prefix length the URI implied.
 * The length is kept because it cannot be recovered from the GS1 key alone, and writing the
 * identifier back to an EPC (URI or tag) needs it.
 *
 * @param <T> the value object: {@code Sgtin}, {@code Sscc}, {@code Sgln}, {@code Grai}, {@code
 *     Gtin} (for a class-level {@code idpat}) or {@code Lgtin}
 */
public record ParsedEpcUri<T>(T identifier, int companyPrefixLength) {

  public ParsedEpcUri {
    Objects.requireNonNull(identifier, "identifier");
  }
}
