package org.custodia.serialization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The record of one allocation: which counter range of which pool went to whom, and why. */
@Entity
@Table(name = "serial_allocation")
@NamedQuery(
    name = "SerialAllocation.covering",
    query =
        "select a from SerialAllocation a where a.spaceId = :space and a.firstCounter <= :max"
            + " and a.firstCounter + a.count > :min order by a.firstCounter")
public class SerialAllocation {

  @Id
  @SequenceGenerator(name = "serial_allocation_seq", sequenceName = "serial_allocation_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "serial_allocation_seq")
  private Long id;

  @Column(name = "pool_id", nullable = false)
  private long poolId;

  @Column(name = "space_id")
  private Long spaceId;

  @Column(name = "first_counter", nullable = false)
  private long firstCounter;

  @Column(name = "serial_count", nullable = false)
  private int count;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Column(name = "purpose")
  private String purpose;

  @Column(name = "allocated_at", nullable = false)
  private OffsetDateTime allocatedAt;

  protected SerialAllocation() {}

  public SerialAllocation(
      SerialRange range, Long spaceId, String requestedBy, String purpose, OffsetDateTime at) {
    this.poolId = range.poolId();
    this.spaceId = spaceId;
    this.firstCounter = range.first();
    this.count = range.count();
    this.requestedBy = requestedBy;
    this.purpose = purpose;
    this.allocatedAt = at;
  }

  public Long id() {
    return id;
  }

  public long poolId() {
    return poolId;
  }

  public long firstCounter() {
    return firstCounter;
  }

  public int count() {
    return count;
  }

  public OffsetDateTime allocatedAt() {
    return allocatedAt;
  }
}
