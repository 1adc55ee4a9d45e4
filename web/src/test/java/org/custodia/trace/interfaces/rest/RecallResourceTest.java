package org.custodia.trace.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The password a REST recall request signs with: the one its HTTP Basic credentials carry (AUD-2). */
@Tag("AUD-2")
class RecallResourceTest {

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void thePasswordOfBasicCredentialsIsTheSignaturePassword() {
    assertArrayEquals("demo-qa".toCharArray(), RecallResource.basicPassword(basic("qa:demo-qa")));
    assertArrayEquals("a:b".toCharArray(), RecallResource.basicPassword(basic("qa:a:b")));
  }

  @Test
  void aRequestWithoutBasicCredentialsCarriesNoPassword() {
    assertNull(RecallResource.basicPassword(null));
    assertNull(RecallResource.basicPassword("Bearer eyJhbGciOi"));
    assertNull(RecallResource.basicPassword("Basic !!!"));
    assertNull(RecallResource.basicPassword(basic("no-colon")));
  }
}
