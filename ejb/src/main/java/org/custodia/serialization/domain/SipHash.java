package org.custodia.serialization.domain;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012) of one 64-bit message, the round function of the serial
 * permutation. Written for this one case because the general hashing APIs (Guava's {@code Hashing.sipHash24})
 * allocate a hasher and a hash code per call, and a random serial takes eight calls; the tests check it
 * against Guava's implementation.
 */
final class SipHash {

  private final long init0;
  private final long init1;
  private final long init2;
  private final long init3;

  SipHash(long k0, long k1) {
    init0 = k0 ^ 0x736f6d6570736575L;
    init1 = k1 ^ 0x646f72616e646f6dL;
    init2 = k0 ^ 0x6c7967656e657261L;
    init3 = k1 ^ 0x7465646279746573L;
  }

  /** The hash of {@code m} taken as eight little-endian bytes. */
  long hash(long m) {
    long v0 = init0;
    long v1 = init1;
    long v2 = init2;
    long v3 = init3 ^ m;
    for (int i = 0; i < 2; i++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    v0 ^= m;
    long last = 8L << 56; // the message length in the top byte, no bytes left over
    v3 ^= last;
    for (int i = 0; i < 2; i++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    v0 ^= last;
    v2 ^= 0xffL;
    for (int i = 0; i < 4; i++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }
}
