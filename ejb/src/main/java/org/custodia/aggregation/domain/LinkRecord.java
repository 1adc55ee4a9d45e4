package org.custodia.aggregation.domain;

import java.time.OffsetDateTime;

/**
 * One containment of a container's history: a child that is in it now ({@code unlinkedAt} null) or was,
 * with the events that linked and unlinked it.
 *
 * @param child the child's element string, {@code (01)…(21)…} or {@code (00)…}
 * @param level {@code UNIT}, {@code CASE} or {@code PALLET}
 * @param unlinkStep the operation that took it out ({@code UNPACK}, {@code REMOVE} or
 *     {@code REPLACE}), null while it is in
 * @param reason why it was taken out, when given (a replacement)
 */
public record LinkRecord(String child, String level, OffsetDateTime linkedAt, String linkEventId,
    OffsetDateTime unlinkedAt, String unlinkEventId, String unlinkStep, String siteGln, String reason)
    implements java.io.Serializable {}
