package org.custodia.gs1.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.custodia.gs1.SerialNumber;

/**
 * Stores a {@link SerialNumber} as the AI (21) value. Reading goes back through the value object's
 * constructor, so a row that was changed behind the application's back fails loudly instead of
 * entering the domain invalid.
 */
@Converter(autoApply = true)
public class SerialNumberConverter implements AttributeConverter<SerialNumber, String> {

  @Override
  public String convertToDatabaseColumn(SerialNumber serial) {
    return serial == null ? null : serial.value();
  }

  @Override
  public SerialNumber convertToEntityAttribute(String column) {
    return column == null ? null : new SerialNumber(column);
  }
}
