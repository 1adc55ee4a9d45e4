package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Barcodes rendered by the API read back through the API to the same element string. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LabelApiIT {

  private static final Api USER = Api.as("qa");
  private static final String DATA = "(01)09506000134352(17)281231(10)LOT-7(21)SN42";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  @Tag("LBL-1")
  @Tag("LBL-2")
  void eachSymbologyRoundTripsThroughPngAndDecode() {
    for (String symbology : new String[] {"DATA_MATRIX", "QR", "GS1_128"}) {
      // when
      Api.Reply png = USER.postText("/api/labels?symbology=" + symbology + "&format=png", DATA);
      Api.Reply back = USER.postBytes("/api/labels/decode", "image/png", png.bytes());

      // then
      assertEquals(200, png.status(), symbology + ": " + png.body());
      assertEquals("image/png", png.header("Content-Type"));
      assertEquals(200, back.status(), symbology + ": " + back.body());
      assertEquals(DATA, back.json().getString("elementString"));
      assertEquals(symbology, back.json().getString("symbology"));
    }
  }

  @Test
  @Tag("LBL-1")
  void svgIsAnSvgDocumentAndImageLinksWork() {
    Api.Reply svg = USER.postText("/api/labels?format=svg", DATA);
    assertEquals(200, svg.status());
    assertTrue(svg.header("Content-Type").startsWith("image/svg+xml"));
    assertTrue(svg.body().contains("<svg"));
    Api.Reply link = USER.get("/api/labels?data=" + URLEncoder.encode(DATA, StandardCharsets.UTF_8));
    assertEquals(200, link.status());
    assertEquals((byte) 0x89, link.bytes()[0]);
  }

  @Test
  @Tag("LBL-2")
  void aDataMatrixThatIsNotGs1IsRefused() throws Exception {
    // given a plain (non-GS1) DataMatrix
    BitMatrix m = new DataMatrixWriter().encode("HELLO 123", BarcodeFormat.DATA_MATRIX, 200, 200);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    MatrixToImageWriter.writeToStream(m, "png", png);

    // when
    Api.Reply r = USER.postBytes("/api/labels/decode", "image/png", png.toByteArray());

    // then
    assertEquals(400, r.status(), r.body());
    assertEquals("not-gs1", r.json().getString("rule"));
  }

  @Test
  @Tag("LBL-2")
  void bytesThatAreNoImageAreRefused() {
    Api.Reply r = USER.postBytes("/api/labels/decode", "image/png", "not an image".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.status(), r.body());
    assertEquals("image", r.json().getString("field"));
  }
}
