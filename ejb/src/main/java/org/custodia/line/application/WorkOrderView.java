package org.custodia.line.application;

import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.line.domain.Reconciliation;
import org.custodia.line.domain.WorkOrder;

/**
 * A work order as the API shows it: its data, status and counts. {@code printed} counts labels sent;
 * while the order runs it includes {@code inFlight} units the camera has not judged yet; once closed,
 * printed = good + rejected + sampled + destroyed. {@code cases} and {@code pallets} stay 0 until
 * aggregation is wired.
 */
public record WorkOrderView(long id, String line, String gtin, String lot, String expiry, int quantity,
    List<String> markets, String status, Long poolId, int serialsAllocated, int printed, int good, int rejected,
    int sampled, int destroyed, int unused, int inFlight, int cases, int pallets, boolean reconciled,
    String createdBy, OffsetDateTime createdAt, String releasedBy, OffsetDateTime releasedAt,
    OffsetDateTime startedAt, String closedBy, OffsetDateTime closedAt) {

  static WorkOrderView of(WorkOrder w, Reconciliation r) {
    return of(w, r, 0, 0);
  }

  static WorkOrderView of(WorkOrder w, Reconciliation r, int cases, int pallets) {
    return new WorkOrderView(w.id(), w.line(), w.gtin().value(), w.lot().value(), w.expiry().value(),
        w.quantity(), w.markets().stream().map(Enum::name).toList(), w.status().name(), w.poolId(),
        w.serialsAllocated(), r.printed(), r.good(), r.rejected(), r.sampled(), r.destroyed(), r.unused(),
        r.inFlight(), cases, pallets, r.balanced(), w.createdBy(), w.createdAt(), w.releasedBy(), w.releasedAt(),
        w.startedAt(), w.closedBy(), w.closedAt());
  }
}
