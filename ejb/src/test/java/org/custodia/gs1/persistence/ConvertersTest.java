package org.custodia.gs1.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Converter;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sscc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ID-1")
class ConvertersTest {

  @Test
  void storesGtinInFourteenDigitFormAndReadsItBack() {
    // given
    GtinConverter converter = new GtinConverter();

    // when
    String column = converter.convertToDatabaseColumn(Gtin.of("9506000134352"));

    // then
    assertEquals("09506000134352", column);
    assertEquals(Gtin.of("9506000134352"), converter.convertToEntityAttribute(column));
  }

  @Test
  void roundTripsEveryConvertedType() {
    // given
    SsccConverter sscc = new SsccConverter();
    GlnConverter gln = new GlnConverter();
    SerialNumberConverter serial = new SerialNumberConverter();
    LotNumberConverter lot = new LotNumberConverter();

    // when / then
    assertEquals(
        Sscc.of("106141412345678908"),
        sscc.convertToEntityAttribute(sscc.convertToDatabaseColumn(Sscc.of("106141412345678908"))));
    assertEquals(
        Gln.of("0614141123452"),
        gln.convertToEntityAttribute(gln.convertToDatabaseColumn(Gln.of("0614141123452"))));
    assertEquals("A/b%1", serial.convertToDatabaseColumn(SerialNumber.of("A/b%1")));
    assertEquals(SerialNumber.of("A/b%1"), serial.convertToEntityAttribute("A/b%1"));
    assertEquals(
        LotNumber.of("L1"),
        lot.convertToEntityAttribute(lot.convertToDatabaseColumn(LotNumber.of("L1"))));
  }

  @Test
  void mapsNullToNullBothWays() {
    // given
    GtinConverter converter = new GtinConverter();

    // when / then
    assertNull(converter.convertToDatabaseColumn(null));
    assertNull(converter.convertToEntityAttribute(null));
    assertNull(new SerialNumberConverter().convertToEntityAttribute(null));
  }

  @Test
  void refusesInvalidColumnValueInsteadOfLoadingIt() {
    // given: a GTIN whose check digit was changed in the database
    GtinConverter converter = new GtinConverter();

    // when
    Gs1Exception e =
        assertThrows(
            Gs1Exception.class, () -> converter.convertToEntityAttribute("09506000134353"));

    // then
    assertEquals("csum", e.rule());
  }

  @Test
  void everyConverterAppliesAutomatically() {
    // given
    Class<?>[] converters = {
      GtinConverter.class,
      SsccConverter.class,
      GlnConverter.class,
      SerialNumberConverter.class,
      LotNumberConverter.class
    };

    // when / then
    for (Class<?> c : converters) {
      assertTrue(c.getAnnotation(Converter.class).autoApply(), c.getSimpleName());
    }
  }
}
