package org.custodia.trace.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A recall and how far it got.
 *
 * @param status RUNNING, DONE or FAILED
 * @param total the units in scope (known once the scope is gathered)
 * @param containers the cases and pallets containing them
 * @param processed units handled so far (quarantined, excepted or left as they were)
 * @param resolved units returned, destroyed or decommissioned since (completion)
 */
public record Recall(
    long id,
    String status,
    RecallCriteria criteria,
    String reason,
    String signedBy,
    OffsetDateTime signedAt,
    String meaning,
    int total,
    int containers,
    int processed,
    int quarantined,
    int exceptions,
    int resolved,
    OffsetDateTime finishedAt,
    String detail)
    implements Serializable {

  /** Percent of the units handled by the run, 0–100. */
  public int progress() {
    if ("DONE".equals(status)) {
      return 100;
    }
    return total == 0 ? 0 : (int) Math.min(99, 100L * processed / total);
  }

  /** Percent of units closed: resolved, or exceptions followed up by hand, of those in scope. */
  public int completion() {
    return total == 0 ? 100 : (int) Math.min(100, 100L * (resolved + exceptions) / total);
  }
}
