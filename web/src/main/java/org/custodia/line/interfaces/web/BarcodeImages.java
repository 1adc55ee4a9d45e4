package org.custodia.line.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.gs1.interfaces.facade.Gs1Facade;
import org.custodia.label.BarcodeRenderer;
import org.custodia.label.Symbology;

/**
 * The GS1 DataMatrix of a code the camera read, as inline SVG for the dashboard's list of last codes.
 * Rendering verifies the symbol by decoding it again, so the latest {@value #CACHED} images are kept: a
 * code is drawn once however often the list is refreshed.
 */
@ApplicationScoped
public class BarcodeImages {

  static final int CACHED = 1000;

  /** Module size in pixels: a 16 × 16 symbol with its quiet zone is 60 pixels wide. */
  static final int MODULE = 3;

  private final BarcodeRenderer renderer = new BarcodeRenderer();

  private final Map<String, String> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CACHED;
    }
  });

  @Inject Gs1Facade gs1;

  /** The SVG element of {@code code} (any form the GS1 parser reads), or "" when it is no GS1 code. */
  public String svg(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String hit = cache.get(code);
    if (hit != null) {
      return hit;
    }
    String svg;
    try {
      String document = renderer.svg(Symbology.DATA_MATRIX, gs1.parse(code).toUnbracketed(), MODULE);
      int start = document.indexOf("<svg");
      svg = start < 0 ? "" : document.substring(start).replaceFirst("<svg ",
          "<svg role=\"img\" aria-label=\"GS1 DataMatrix\" class=\"c-dm\" ");
    } catch (IllegalArgumentException e) {
      // a Gs1Exception (no GS1 data) or a code the symbol cannot hold: the row shows the text only
      svg = "";
    }
    cache.put(code, svg);
    return svg;
  }
}
