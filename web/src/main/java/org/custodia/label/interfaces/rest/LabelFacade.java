package org.custodia.label.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.custodia.gs1.ai.ElementString;
import org.custodia.label.BarcodeDecoder;
import org.custodia.label.BarcodeRenderer;
import org.custodia.label.Symbology;
import org.custodia.label.UnreadableImageException;
import org.custodia.platform.interfaces.rest.InvalidFieldException;

/** Renders and reads barcodes, turning the library's refusals into refusals of request fields. */
@ApplicationScoped
public class LabelFacade {

  /** Image formats offered. */
  public enum Format {
    PNG("image/png"),
    SVG("image/svg+xml");

    private final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  private final BarcodeRenderer renderer = new BarcodeRenderer();
  private final BarcodeDecoder decoder = new BarcodeDecoder();

  public byte[] render(Symbology symbology, ElementString es, Format format, int moduleSize) {
    try {
      return format == Format.PNG
          ? renderer.png(symbology, es.toUnbracketed(), moduleSize)
          : renderer.svg(symbology, es.toUnbracketed(), moduleSize).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("data", es.toBracketed(), null, "symbology", e.getMessage());
    }
  }

  /** The GS1 code in the image; a refusal when there is none or it is not a GS1 code. */
  public BarcodeDecoder.Decoded decode(byte[] image) {
    BarcodeDecoder.Decoded d;
    try {
      d = decoder.decode(image);
    } catch (UnreadableImageException e) {
      throw new InvalidFieldException("image", null, null, e.reason().name().toLowerCase(), e.getMessage());
    }
    if (!d.isGs1()) {
      throw new InvalidFieldException("image", d.gs1Message(), null, "not-gs1",
          "the image holds a " + d.symbology() + " code with symbology identifier " + d.symbologyIdentifier()
              + ", which is not a GS1 code (no FNC1 in first position)");
    }
    return d;
  }
}
