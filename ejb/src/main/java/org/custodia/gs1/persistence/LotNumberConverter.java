package org.custodia.gs1.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.custodia.gs1.LotNumber;

/**
 * Stores a {@link LotNumber} as the AI (10) value. Reading goes back through the value object's
 * constructor, so a row that was changed behind the application's back fails loudly instead of
 * entering the domain invalid.
 */
@Converter(autoApply = true)
public class LotNumberConverter implements AttributeConverter<LotNumber, String> {

  @Override
  public String convertToDatabaseColumn(LotNumber lot) {
    return lot == null ? null : lot.value();
  }

  @Override
  public LotNumber convertToEntityAttribute(String column) {
    return column == null ? null : new LotNumber(column);
  }
}
