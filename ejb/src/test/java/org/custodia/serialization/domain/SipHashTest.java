package org.custodia.serialization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SER-2")
class SipHashTest {

  @Test
  void agreesWithGuavasSipHash24OnRandomKeysAndMessages() {
    // given
    SplittableRandom r = new SplittableRandom(42);
    for (int k = 0; k < 200; k++) {
      long k0 = r.nextLong();
      long k1 = r.nextLong();
      SipHash ours = new SipHash(k0, k1);
      var reference = Hashing.sipHash24(k0, k1);
      for (int i = 0; i < 500; i++) {
        long m = r.nextLong();
        // when / then
        assertEquals(reference.hashLong(m).asLong(), ours.hash(m), "key " + k0 + "," + k1 + " message " + m);
      }
    }
  }

  @Test
  void matchesThePublishedTestVectorForAnEightByteMessage() {
    // given key 00 01 .. 0f and message 00 01 .. 07, as little-endian longs (reference vectors_sip64[8])
    SipHash h = new SipHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

    // when / then: output bytes 62 24 93 9a 79 f5 f5 93, little-endian
    assertEquals(0x93f5f5799a932462L, h.hash(0x0706050403020100L));
  }
}
