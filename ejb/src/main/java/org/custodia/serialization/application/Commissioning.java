package org.custodia.serialization.application;

import java.util.List;

/** The result of commissioning: the EPCIS event that records it and the EPCs, in the order of the serials. */
public record Commissioning(String eventId, List<String> epcs) {}
