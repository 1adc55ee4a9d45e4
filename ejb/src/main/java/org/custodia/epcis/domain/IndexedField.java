package org.custodia.epcis.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One value of an event field the flexible EPCIS query parameters ask for ({@code EQ_ILMD_…}, {@code
 * GE_value_CEL}, {@code EXISTS_errorDeclaration}, …): the part of the event it sits in ({@code area}, e.g.
 * ILMD or INNER_ILMD), the field's expanded name ({@code {namespace}local} for extension fields) and its
 * value as text, number and point in time, each null when the value does not read as such. A field that
 * only holds other fields has no value and records that the field exists.
 */
public record IndexedField(String area, String name, String text, BigDecimal number, OffsetDateTime time) {

  /** A field present without a value of its own. */
  public static IndexedField present(String area, String name) {
    return new IndexedField(area, name, null, null, null);
  }
}
