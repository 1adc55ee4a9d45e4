package org.custodia.gs1.epc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.custodia.gs1.Gln;
import org.custodia.gs1.Grai;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Lgtin;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ID-3")
class EpcUrisTest {

  @Test
  void parsesTdsSgtinExampleAndReportsPrefixLength() {
    // given
    String uri = "urn:epc:id:sgtin:0614141.812345.6789";

    // when
    ParsedEpcUri<Sgtin> parsed = EpcUris.parseSgtin(uri);

    // then: the check digit 8 is recomputed from 8061414112345
    assertEquals(Sgtin.of("80614141123458", "6789"), parsed.identifier());
    assertEquals(7, parsed.companyPrefixLength());
  }

  @Test
  void unescapesSgtinSerial() {
    // given
    String uri = "urn:epc:id:sgtin:0614141.812345.32a%2Fb";

    // when
    Sgtin sgtin = EpcUris.parseSgtin(uri).identifier();

    // then
    assertEquals("32a/b", sgtin.serial().value());
  }

  @Test
  void keepsDotsInsideTheLastComponent() {
    // given: '.' is a CSET 82 character that the TDS leaves unescaped
    String uri = "urn:epc:id:sgtin:0614141.812345.67.89.";

    // when
    Sgtin sgtin = EpcUris.parseSgtin(uri).identifier();

    // then
    assertEquals("67.89.", sgtin.serial().value());
    assertEquals(uri, sgtin.toEpcUri(7));
  }

  @Test
  void parsesTdsSsccExample() {
    // given / when
    ParsedEpcUri<Sscc> parsed = EpcUris.parseSscc("urn:epc:id:sscc:0614141.1234567890");

    // then
    assertEquals(Sscc.of("106141412345678908"), parsed.identifier());
    assertEquals(7, parsed.companyPrefixLength());
  }

  @Test
  void parsesSglnWithAndWithoutExtension() {
    // given / when
    Sgln with = EpcUris.parseSgln("urn:epc:id:sgln:0614141.12345.400").identifier();
    Sgln without = EpcUris.parseSgln("urn:epc:id:sgln:0614141.12345.0").identifier();
    ParsedEpcUri<Sgln> empty = EpcUris.parseSgln("urn:epc:id:sgln:061414112345..0");

    // then
    assertEquals(Sgln.of("0614141123452", "400"), with);
    assertEquals(Sgln.of(Gln.of("0614141123452")), without);
    assertEquals(Sgln.of(Gln.of("0614141123452")), empty.identifier());
    assertEquals(12, empty.companyPrefixLength());
  }

  @Test
  void parsesTdsGraiExample() {
    // given / when
    Grai grai = EpcUris.parseGrai("urn:epc:id:grai:0614141.12345.400").identifier();

    // then
    assertEquals(Grai.of("00614141123452400"), grai);
  }

  @Test
  void parsesClassLevelPatternAndLgtin() {
    // given / when
    ParsedEpcUri<Gtin> pattern = EpcUris.parseSgtinPattern("urn:epc:idpat:sgtin:0614141.812345.*");
    ParsedEpcUri<Lgtin> lgtin = EpcUris.parseLgtin("urn:epc:class:lgtin:0614141.812345.ABC1");

    // then
    assertEquals(Gtin.of("80614141123458"), pattern.identifier());
    assertEquals(Lgtin.of("80614141123458", "ABC1"), lgtin.identifier());
    assertEquals(7, lgtin.companyPrefixLength());
  }

  @Test
  void dispatchesOnSchemeInGenericParse() {
    // given / when / then
    assertInstanceOf(
        Sgtin.class, EpcUris.parse("urn:epc:id:sgtin:0614141.812345.6789").identifier());
    assertInstanceOf(Sscc.class, EpcUris.parse("urn:epc:id:sscc:0614141.1234567890").identifier());
    assertInstanceOf(Sgln.class, EpcUris.parse("urn:epc:id:sgln:0614141.12345.400").identifier());
    assertInstanceOf(Grai.class, EpcUris.parse("urn:epc:id:grai:0614141.12345.400").identifier());
    assertInstanceOf(
        Gtin.class, EpcUris.parse("urn:epc:idpat:sgtin:0614141.812345.*").identifier());
    assertInstanceOf(
        Lgtin.class, EpcUris.parse("urn:epc:class:lgtin:0614141.812345.ABC1").identifier());
  }

  @Test
  void roundTripsEveryValueObjectThroughItsUri() {
    // given
    Sgtin sgtin = Sgtin.of("80614141123458", "a/b%c?\"&<>!");
    Sgln sgln = Sgln.of("0614141123452", "x/y");
    Grai grai = Grai.of("00614141123452%25");

    for (int cpl = 6; cpl <= 12; cpl++) {
      // when / then
      assertEquals(sgtin, EpcUris.parseSgtin(sgtin.toEpcUri(cpl)).identifier());
      assertEquals(sgln, EpcUris.parseSgln(sgln.toEpcUri(cpl)).identifier());
      assertEquals(grai, EpcUris.parseGrai(grai.toEpcUri(cpl)).identifier());
      assertEquals(cpl, EpcUris.parseSgtin(sgtin.toEpcUri(cpl)).companyPrefixLength());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "urn:epc:id:sgtin:0614141.81234.6789, partition",
    "urn:epc:id:sgtin:0614141.8123456.6789, partition",
    "urn:epc:id:sgtin:06141.8123456.6789, company-prefix-length",
    "urn:epc:id:sgtin:0614141123456.8.6789, company-prefix-length",
    "urn:epc:id:sgtin:06141A1.812345.6789, digits",
    "urn:epc:id:sgtin:0614141.81234X.6789, digits",
    "urn:epc:id:sgtin:0614141.812345, epc-syntax",
    "urn:epc:id:sgtin:0614141, epc-syntax",
    "urn:epc:id:sgtin:0614141.812345.a%41, epc-escape",
    "urn:epc:id:sgtin:0614141.812345.a/b, epc-escape",
    "urn:epc:id:sgtin:0614141.812345.a b, cset82",
    "urn:epc:id:sgtin:0614141.812345.123456789012345678901, length",
    "urn:epc:id:sgtin:0614141.812345., length",
    "urn:epc:id:sscc:0614141.123456789, partition",
    "urn:epc:id:sscc:0614141.12345678X0, digits",
    "urn:epc:id:sgln:0614141.1234.0, partition",
    "urn:epc:id:grai:0614141.12345.12345678901234567, length",
    "urn:epc:idpat:sgtin:0614141.*.*, epc-pattern",
    "urn:epc:idpat:sgtin:0614141.812345.6789, epc-pattern",
    "urn:epc:id:sgtin-96:0614141.812345.6789, epc-scheme",
    "URN:EPC:ID:SGTIN:0614141.812345.6789, epc-scheme",
    "https://id.gs1.org/01/80614141123458/21/6789, epc-scheme"
  })
  void rejectsMalformedUrisNamingTheRule(String uri, String rule) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcUris.parse(uri));

    // then
    assertEquals(rule, e.rule(), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"urn:epc:id:sscc:0614141.1234567890"})
  void rejectsUriOfOtherSchemeInTypedParser(String uri) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcUris.parseSgtin(uri));

    // then
    assertEquals("epc-scheme", e.rule());
    assertEquals(uri, e.value());
  }
}
