package org.custodia.gs1.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodia.gs1.Gs1Exception;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each linter the dictionary names refuses a bad value, and the refusal names the linter. */
@Tag("ID-2")
class LintersTest {

  /** Linter, AI it is reached through, refused value. */
  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("csum", "01", "09506000134353"),
        Arguments.of("csumalpha", "8013", "1987654Ad4X4bL5ttr2310cXK"),
        Arguments.of("gcppos1", "8004", "ABC123"),
        Arguments.of("hasnondigit", "8014", allDigitMudi()),
        Arguments.of("yymmd0", "17", "281332"),
        Arguments.of("yymmdd", "7006", "281200"),
        Arguments.of("yyyymmdd", "7250", "20280230"),
        Arguments.of("hh", "8008", "28123124"),
        Arguments.of("mi", "8008", "2812311260"),
        Arguments.of("ss", "8008", "281231123060"),
        Arguments.of("hhmi", "7003", "2812312460"),
        Arguments.of("hyphen", "4330", "001234+"),
        Arguments.of("iban", "8007", "DE91100000000123456780"),
        Arguments.of("importeridx", "7040", "1AB!"),
        Arguments.of("iso3166", "422", "999"),
        Arguments.of("iso3166999", "7030", "000ABC"),
        Arguments.of("iso3166alpha2", "4307", "XX"),
        Arguments.of("iso4217", "3910", "0001234"),
        Arguments.of("iso5218", "7252", "3"),
        Arguments.of("latitude", "4309", "1800000001" + "0000000000"),
        Arguments.of("longitude", "4309", "0000000000" + "3600000001"),
        Arguments.of("mediatype", "7241", "11"),
        Arguments.of("nonzero", "8001", "0000" + "00001" + "001" + "1" + "0"),
        Arguments.of("nozeroprefix", "8011", "0123"),
        Arguments.of("packagetype", "7041", "QQQ"),
        Arguments.of("pcenc", "4300", "ABC%2"),
        Arguments.of("pieceoftotal", "8006", "09506000134352" + "0302"),
        Arguments.of("posinseqslash", "7258", "3/2"),
        Arguments.of("winding", "8001", "0001" + "00001" + "001" + "2" + "0"),
        Arguments.of("yesno", "4321", "2"),
        Arguments.of("zero", "8003", "1" + "9520123456788"),
        Arguments.of("couponcode", "8110", "712345612345611110123"),
        Arguments.of("couponposoffer", "8112", "201234561234560123456"));
  }

  /**
   * Linters that no value can trip through the dictionary as it stands (the component's own type
   * and length already guarantee them), checked directly: linter, value.
   */
  static Stream<Arguments> directRefusals() {
    return Stream.of(Arguments.of("gcppos2", "0AB12"), Arguments.of("gcppos2", "0123"));
  }

  @ParameterizedTest(name = "{0} via AI ({1})")
  @MethodSource("refusals")
  void refusesValueNamingTheLinterAsRule(String linter, String ai, String bad) {
    // given
    List<Element> sample = new ArrayList<>(AiSamples.sampleFor(ai));
    sample.set(0, new Element(ai, bad));

    // when
    Gs1Exception e =
        assertThrows(
            Gs1Exception.class,
            () -> ElementStrings.parse(DictionaryCoverageTest.bracketed(sample)));

    // then
    assertEquals(linter, e.rule(), e.getMessage());
    assertEquals(ai, e.ai());
    assertTrue(e.getMessage().endsWith("(" + linter + ")"), e.getMessage());
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @MethodSource("directRefusals")
  void refusesDirectly(String linter, String value) {
    assertNotNull(Linters.get(linter).lint(value, 0, value.length()));
  }

  @Test
  void refusalTableCoversEveryLinterTheDictionaryNames() {
    // given
    Set<String> tested = new TreeSet<>();
    refusals().forEach(a -> tested.add((String) a.get()[0]));
    directRefusals().forEach(a -> tested.add((String) a.get()[0]));

    // when
    Set<String> missing = new TreeSet<>(SyntaxDictionary.linterNames());
    missing.removeAll(tested);

    // then
    assertEquals(Set.of(), missing);
  }

  @Test
  void dictionaryNamesTheExpectedLinters() {
    // the set actually used by the bundled release; a new release adding one must add a test row
    assertTrue(
        SyntaxDictionary.linterNames().size() >= 30, SyntaxDictionary.linterNames().toString());
    assertTrue(Linters.names().containsAll(SyntaxDictionary.linterNames()));
  }

  @ParameterizedTest
  @CsvSource({
    "csumalpha, 1987654Ad4X4bL5ttr2310c2K",
    "csumalpha, 12345678901234567890123NT",
    "csumalpha, 12345_ABCDEFGHIJKLMCP",
    "csumalpha, 22",
    "iban, FR7630006000011234567890189",
    "iban, GB98MIDL07009312345678",
    "iban, MT90MALT011000012345MTLCAST001SABC",
    "couponcode, 012345612345611110123",
    "couponposoffer, 0012345612345611234567",
    "couponposoffer, 061234567890121234569123456789012345",
    "pieceoftotal, 0101",
    "posinseqslash, 2/2",
    "mediatype, 80",
    "iso3166alpha2, DE",
    "iso4217, 840",
    "pcenc, a%2Fb%c3%A9",
    "yymmd0, 280229",
    "yymmd0, 290200",
    "latitude, 1800000000",
    "longitude, 3600000000",
    "packagetype, 8"
  })
  void acceptsKnownGoodValues(String linter, String value) {
    assertNull(Linters.get(linter).lint(value, 0, value.length()));
  }

  @ParameterizedTest
  @CsvSource({
    "csumalpha, 33",
    "csumalpha, 1987654Ad4X4bL5ttr2310c2X",
    "iban, XX361234567890",
    "iban, BE71096123456760",
    "couponcode, 0123456123456",
    "couponcode, 0123456123456111101230",
    "couponposoffer, 0012345612345601234567",
    "yymmd0, 290229",
    "yymmdd, 280000",
    "pcenc, ab%zz",
    "posinseqslash, 0/2",
    "pieceoftotal, 0100"
  })
  void refusesKnownBadValues(String linter, String value) {
    assertNotNull(Linters.get(linter).lint(value, 0, value.length()));
  }

  @Test
  void linterWorksOnARangeOfTheValue() {
    // given a GTIN embedded in a longer string
    String s = "xx09506000134352yy";

    // when / then
    assertNull(Linters.get("csum").lint(s, 2, 16));
    assertNotNull(Linters.get("csum").lint(s, 2, 15));
  }

  /** An all-digit AI (8014) value whose check character pair happens to be digits. */
  static String allDigitMudi() {
    Linters.Linter csumalpha = Linters.get("csumalpha");
    List<String> digitsPairs =
        Stream.of("2", "3", "4", "5", "6", "7", "8", "9")
            .flatMap(a -> Stream.of("2", "3", "4", "5", "6", "7", "8", "9").map(b -> a + b))
            .collect(Collectors.toList());
    for (int n = 10_000_000; n < 10_100_000; n++) {
      for (String pair : digitsPairs) {
        String candidate = n + pair;
        if (csumalpha.lint(candidate, 0, candidate.length()) == null) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no all-digit candidate");
  }
}
