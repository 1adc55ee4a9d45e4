package org.custodia.aggregation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.custodia.gs1.CheckDigit;
import org.custodia.gs1.Sscc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("AGG-1")
class SsccPoolTest {

  @Test
  void buildsSsccsFromExtensionPrefixAndPaddedSerialReferenceWithTheirCheckDigit() {
    SsccPool.Taken taken = new SsccPool("9506000", 0, 1).take(2);
    assertEquals(List.of(Sscc.of("095060000000000015"), Sscc.of("095060000000000022")), taken.ssccs());
    assertEquals(3, taken.pool().nextSerialRef());
    // the GS1 General Specifications example: extension 0, prefix 0614141, serial reference 123456789
    assertEquals("006141411234567890", new SsccPool("0614141", 0, 0).sscc(123456789).value());
    assertEquals("106141411234567897", new SsccPool("0614141", 1, 0).sscc(123456789).value());
    taken.ssccs().forEach(s -> assertTrue(CheckDigit.isValid(s.value())));
  }

  @Test
  void refusesToHandOutMoreThanItHas() {
    SsccPool nearlyFull = new SsccPool("950600012345", 3, 9_998); // 4-digit serial references: 10,000
    assertEquals(List.of(Sscc.fromDigitsWithoutCheckDigit("39506000123459998"),
        Sscc.fromDigitsWithoutCheckDigit("39506000123459999")), nearlyFull.take(2).ssccs());
    AggregationException e = assertThrows(AggregationException.class, () -> nearlyFull.take(3));
    assertEquals("sscc-pool-exhausted", e.code());
    assertEquals("bad-count", assertThrows(AggregationException.class, () -> nearlyFull.take(0)).code());
  }

  @Test
  void picksTheLongestPrefixOfTheGtin() {
    assertEquals(Optional.of("9506000134"), SsccPool.prefixFor(List.of("9506000", "9506000134", "950601"),
        "09506000134352"));
    assertEquals(Optional.empty(), SsccPool.prefixFor(List.of("4012345"), "09506000134352"));
  }
}
