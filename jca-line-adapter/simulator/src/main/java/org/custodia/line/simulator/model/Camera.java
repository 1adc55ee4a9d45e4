package org.custodia.line.simulator.model;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.custodia.label.BarcodeDecoder;
import org.custodia.label.BarcodeRenderer;
import org.custodia.label.Symbology;
import org.custodia.label.UnreadableImageException;

/**
 * Reads back what the printer printed: renders the GS1 DataMatrix with the project's own label code
 * ({@link BarcodeRenderer}) and decodes the image with {@link BarcodeDecoder}, so that a wrong or
 * duplicated code is read as printed, and a smeared print (half the symbol blanked) really fails to
 * decode. The image stays in memory, as a camera's frame does: no PNG is written and read back (that
 * round trip was most of the simulator's CPU time at 20 lines, validation/pq/README.md).
 */
public final class Camera {

  private static final int MODULE_PX = 3;

  private final BarcodeRenderer renderer = new BarcodeRenderer();
  private final BarcodeDecoder decoder = new BarcodeDecoder();

  /** The element string read, or null when the image does not decode as a GS1 DataMatrix. */
  public String read(String printed, boolean smeared) {
    BufferedImage image = renderer.image(Symbology.DATA_MATRIX, printed, MODULE_PX);
    if (smeared) {
      image = smear(image);
    }
    try {
      BarcodeDecoder.Decoded decoded = decoder.decode(image);
      return decoded.isGs1() ? decoded.gs1Message() : null;
    } catch (UnreadableImageException e) {
      return null;
    }
  }

  /** A grey copy with the left half of the symbol blacked out. */
  private static BufferedImage smear(BufferedImage image) {
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = copy.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, image.getWidth() / 2 + 1, image.getHeight());
    } finally {
      g.dispose();
    }
    return copy;
  }
}
