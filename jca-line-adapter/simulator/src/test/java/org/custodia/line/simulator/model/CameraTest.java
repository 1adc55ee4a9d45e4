package org.custodia.line.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CameraTest {

  private final Camera camera = new Camera();

  @Test
  @Tag("LINE-5")
  void readsBackTheElementStringPrintedAsGs1DataMatrix() {
    String code = "0109506000134352\u001D17271231\u001D10LOT-7\u001D21ABCDEFGH";
    assertEquals(code, camera.read(code, false));
  }

  @Test
  @Tag("LINE-5")
  void aSmearedPrintCannotBeRead() {
    assertNull(camera.read("0109506000134352\u001D21ABC123", true));
  }
}
