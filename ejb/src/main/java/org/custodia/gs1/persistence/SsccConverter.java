package org.custodia.gs1.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.custodia.gs1.Sscc;

/**
 * Stores a {@link Sscc} as the 18 digits. Reading goes back through the value object's constructor,
 * so a row that was changed behind the application's back fails loudly instead of entering the
 * domain invalid.
 */
@Converter(autoApply = true)
public class SsccConverter implements AttributeConverter<Sscc, String> {

  @Override
  public String convertToDatabaseColumn(Sscc sscc) {
    return sscc == null ? null : sscc.value();
  }

  @Override
  public Sscc convertToEntityAttribute(String column) {
    return column == null ? null : new Sscc(column);
  }
}
