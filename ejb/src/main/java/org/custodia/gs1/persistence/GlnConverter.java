package org.custodia.gs1.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.custodia.gs1.Gln;

/**
 * Stores a {@link Gln} as the 13 digits. Reading goes back through the value object's constructor,
 * so a row that was changed behind the application's back fails loudly instead of entering the
 * domain invalid.
 */
@Converter(autoApply = true)
public class GlnConverter implements AttributeConverter<Gln, String> {

  @Override
  public String convertToDatabaseColumn(Gln gln) {
    return gln == null ? null : gln.value();
  }

  @Override
  public Gln convertToEntityAttribute(String column) {
    return column == null ? null : new Gln(column);
  }
}
