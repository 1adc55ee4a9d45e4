package org.custodia.epcis.domain;

import java.util.Objects;

/**
 * One entry of an event's business transaction, source or destination list: the CBV type as a short name
 * ({@code po}, {@code desadv}, {@code owning_party}, {@code location}) and the identifier (a URI).
 */
public record TypedId(String type, String id) {

  public TypedId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }
}
