package org.custodia.epcis.application;

import org.custodia.platform.Jsonp;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.infrastructure.persistence.JdbcEventQuery;
import org.custodia.security.Roles;

/**
 * Answers EPCIS event queries and the browsing resources (EPC-2), page by page. Queries only read, so
 * they join a caller's transaction but start none of their own: a query from REST runs on a plain
 * connection instead of enlisting it in an XA transaction for nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class EventQueryService {

  /** One page of events, and where the next page starts (null when this is the last). */
  public record Page(List<JsonObject> events, EventQuery.Cursor next) {}

  @Inject JdbcEventQuery query;

  public Page query(EventQuery q) {
    int wanted = q.perPage();
    if (q.eventCountLimit() != null) {
      wanted = Math.min(wanted, q.eventCountLimit());
    }
    List<JdbcEventQuery.Row> rows = query.find(q, wanted + 1);
    boolean more = rows.size() > wanted && (q.eventCountLimit() == null || wanted < q.eventCountLimit());
    List<JsonObject> events = new ArrayList<>(Math.min(rows.size(), wanted));
    for (int i = 0; i < Math.min(rows.size(), wanted); i++) {
      events.add(withRecordTime(rows.get(i)));
    }
    return new Page(events, more ? rows.get(wanted - 1).cursor() : null);
  }

  public List<String> browse(String resource, int limit) {
    return query.distinct(resource, limit);
  }

  static JsonObject withRecordTime(JdbcEventQuery.Row row) {
    try (JsonReader r = Jsonp.JSON.createReader(new StringReader(row.document()))) {
      JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder(r.readObject());
      return b.add("recordTime", row.recordTime().toString()).build();
    }
  }
}
