package org.custodia.serialization.application;

import java.util.List;

/** Serials handed out by one allocation. */
public record Allocation(long poolId, long allocationId, List<String> serials) {}
