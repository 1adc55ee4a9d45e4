package org.custodia.gs1.epc;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.custodia.gs1.Grai;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Lgtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.ai.ElementString;

/**
 * The EPC URI of the object an element string identifies: an instance (SGTIN, SSCC, SGLN, GRAI) where the
 * string carries a serialised key, else the class (LGTIN, or the GTIN pattern). An EPC URI splits the GS1
 * key at the company prefix, whose length the key does not carry, so the caller supplies it for the key's
 * digits (without the GTIN indicator or SSCC extension digit) when it knows it.
 */
public final class ElementStringEpc {

  private ElementStringEpc() {}

  public static Optional<String> of(ElementString es, Function<String, OptionalInt> prefixLength) {
    if (es.value("01").isPresent()) {
      Gtin gtin = Gtin.of(es.value("01").get());
      OptionalInt len = prefixLength.apply(gtin.value().substring(1));
      if (len.isEmpty()) {
        return Optional.empty();
      }
      if (es.value("21").isPresent()) {
        return Optional.of(new Sgtin(gtin, SerialNumber.of(es.value("21").get())).toEpcUri(len.getAsInt()));
      }
      if (es.value("10").isPresent()) {
        return Optional.of(new Lgtin(gtin, LotNumber.of(es.value("10").get())).toEpcUri(len.getAsInt()));
      }
      return Optional.of(gtin.toEpcIdPattern(len.getAsInt()));
    }
    if (es.value("00").isPresent()) {
      Sscc sscc = Sscc.of(es.value("00").get());
      return prefixLength.apply(sscc.value().substring(1)).stream().mapToObj(sscc::toEpcUri).findFirst();
    }
    if (es.value("414").isPresent()) {
      Sgln sgln = Sgln.of(es.value("414").get(), es.value("254").orElse(null));
      return prefixLength.apply(sgln.gln().value()).stream().mapToObj(sgln::toEpcUri).findFirst();
    }
    if (es.value("8003").isPresent()) {
      Grai grai = Grai.of(es.value("8003").get());
      return prefixLength.apply(grai.assetKey().substring(1)).stream().mapToObj(grai::toEpcUri).findFirst();
    }
    return Optional.empty();
  }
}
