package org.custodia.masterdata.domain;

import java.util.Objects;
import org.custodia.gs1.Gln;

/**
 * A location or party known by its GLN, with the postal address the EPCIS Location vocabulary carries
 * (CBV master data attributes name, streetAddressOne/Two, city, state, postalCode, countryCode).
 *
 * @param gln the GLN
 * @param name the name of the site or party
 * @param streetAddressOne first street address line
 * @param streetAddressTwo second street address line, or {@code null}
 * @param city the city
 * @param state state or region, or {@code null}
 * @param postalCode postal code, or {@code null}
 * @param countryCode ISO 3166-1 alpha-2 country code, upper case
 */
public record Location(
    Gln gln,
    String name,
    String streetAddressOne,
    String streetAddressTwo,
    String city,
    String state,
    String postalCode,
    String countryCode) {

  public Location {
    Objects.requireNonNull(gln, "gln");
    name = MasterDataException.required("name", name, 200);
    streetAddressOne = MasterDataException.required("streetAddressOne", streetAddressOne, 200);
    streetAddressTwo = MasterDataException.optional("streetAddressTwo", streetAddressTwo, 200);
    city = MasterDataException.required("city", city, 100);
    state = MasterDataException.optional("state", state, 100);
    postalCode = MasterDataException.optional("postalCode", postalCode, 20);
    countryCode = MasterDataException.required("countryCode", countryCode, 2);
    if (!countryCode.matches("[A-Z]{2}")) {
      throw MasterDataException.invalid("countryCode", countryCode,
          "field \"countryCode\" must be an ISO 3166-1 alpha-2 code in upper case, was \"" + countryCode + "\"");
    }
  }
}
