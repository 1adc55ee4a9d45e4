package org.custodia.gs1.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.custodia.gs1.Gtin;

/**
 * Stores a {@link Gtin} as the 14-digit form, so GTIN-13 and GTIN-14 spellings of one item share
 * one key. Reading goes back through the value object's constructor, so a row that was changed
 * behind the application's back fails loudly instead of entering the domain invalid.
 */
@Converter(autoApply = true)
public class GtinConverter implements AttributeConverter<Gtin, String> {

  @Override
  public String convertToDatabaseColumn(Gtin gtin) {
    return gtin == null ? null : gtin.value();
  }

  @Override
  public Gtin convertToEntityAttribute(String column) {
    return column == null ? null : new Gtin(column);
  }
}
