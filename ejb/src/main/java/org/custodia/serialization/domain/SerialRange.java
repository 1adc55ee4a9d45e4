package org.custodia.serialization.domain;

/** Counter values [{@code first}, {@code first + count}) of one pool, handed out in one allocation. */
public record SerialRange(long poolId, long first, int count) {}
