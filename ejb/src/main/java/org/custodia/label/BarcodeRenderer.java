package org.custodia.label;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders a GS1 element string as a GS1 DataMatrix, GS1-128 or GS1 QR Code image, in PNG for
 * printers and screens and in SVG for label layouts that scale.
 *
 * <p>The input is the GS1 message data in unbracketed form: Application Identifiers and values
 * concatenated, an ASCII GS (0x1D) after each variable-length value that is not last, and no
 * leading FNC1. ZXing 3.5.4 turns that form into a conformant symbol differently for each
 * symbology, which is why this class exists rather than callers using ZXing directly:
 *
 * <ul>
 *   <li><b>GS1 DataMatrix:</b> {@code GS1_FORMAT} is honoured only together with {@code
 *       DATA_MATRIX_COMPACT} (alone it is silently ignored and the symbol reads as {@code ]d1}),
 *       and the compact encoder corrupts some messages (see {@link Gs1DataMatrixEncoder}). So
 *       ZXing's DataMatrix high-level encoding is not used at all: we write FNC1 first, every GS as
 *       FNC1 and the rest in ASCII encodation, and take only error correction and placement from
 *       ZXing.
 *   <li><b>GS1-128:</b> {@code Code128Writer} ignores {@code GS1_FORMAT} and would write a GS as
 *       the Code Set A control character, which readers return as GS but in a symbol that is not
 *       GS1-128 ({@code ]C0}). We therefore map the leading FNC1 and every GS to ZXing's FNC1
 *       escape character U+00F1. Readers transmit those FNC1s as GS again.
 *   <li><b>GS1 QR Code:</b> {@code GS1_FORMAT} writes the FNC1-first-position mode indicator. In
 *       that mode a {@code %} in an alphanumeric segment means FNC1 and a literal {@code %} must be
 *       written {@code %%}; ZXing does not do this escaping, so a message that is all alphanumeric
 *       apart from GS would decode wrongly. We escape it ourselves when the whole message fits
 *       alphanumeric mode (which is also the more compact choice) and otherwise leave the message
 *       to byte mode, where GS and {@code %} stand for themselves.
 * </ul>
 *
 * <p>Every symbol is decoded again right after encoding and must give back the GS1 symbology
 * identifier and the exact input; a symbol that does not is never returned. This costs a fraction
 * of the PNG encoding time and guards against ZXing behaviour changing under an upgrade.
 *
 * <p>The images include the quiet zone: 2 modules for DataMatrix (the minimum is 1), 4 for QR Code,
 * and 10 on the left and right for GS1-128, whose bars are {@value #GS1_128_BAR_HEIGHT_MODULES}
 * modules high. The class is stateless and thread-safe.
 */
public final class BarcodeRenderer {

  /** Largest module size accepted, in pixels. */
  public static final int MAX_MODULE_SIZE_PX = 100;

  /** Largest image produced, in pixels, so that a request cannot exhaust the heap. */
  public static final long MAX_IMAGE_PIXELS = 25_000_000L;

  /** GS1-128 carries at most 48 data characters; we count GS separators among them. */
  public static final int GS1_128_MAX_DATA_CHARACTERS = 48;

  /** Bar height of a GS1-128 symbol, in modules. */
  public static final int GS1_128_BAR_HEIGHT_MODULES = 40;

  static final char GS = '\u001D';

  /** ZXing's in-band escape for FNC1 in Code 128 content. */
  private static final char CODE_128_FNC1 = '\u00F1';

  /** GS1 AI encodable character set 82, plus '#' which character set 39 adds. */
  private static final String GS1_CHARACTERS =
      "!\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

  private static final String QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

  // QR_COMPACT must stay off: its mixed-mode segments would put '%' into alphanumeric segments.
  private static final Map<EncodeHintType, Object> QR_HINTS =
      hints(
          Map.of(
              EncodeHintType.GS1_FORMAT,
              true,
              EncodeHintType.ERROR_CORRECTION,
              ErrorCorrectionLevel.M,
              EncodeHintType.MARGIN,
              0));

  private static final Map<EncodeHintType, Object> CODE_128_HINTS =
      hints(Map.of(EncodeHintType.CODE128_COMPACT, true, EncodeHintType.MARGIN, 0));

  /**
   * Renders the message as a PNG with one colour bit per pixel.
   *
   * @param moduleSizePx width and height of one module (the narrowest bar) in pixels, 1 to 100
   * @throws IllegalArgumentException if the message is not an unbracketed GS1 element string, does
   *     not fit the symbology, or the image would be larger than {@value #MAX_IMAGE_PIXELS} pixels
   */
  public byte[] png(Symbology symbology, String gs1Message, int moduleSizePx) {
    return writePng(image(symbology, gs1Message, moduleSizePx));
  }

  /**
   * Renders the message as an image with one colour bit per pixel ({@code TYPE_BYTE_BINARY}): what {@link
   * #png} encodes, for a caller that works on the pixels (the line simulator's camera).
   *
   * @throws IllegalArgumentException as for {@link #png}
   */
  public BufferedImage image(Symbology symbology, String gs1Message, int moduleSizePx) {
    checkModuleSize(moduleSizePx);
    Symbol symbol = encode(symbology, gs1Message);
    checkImageSize(symbol, moduleSizePx);
    return toImage(symbol, moduleSizePx);
  }

  /**
   * Renders the message as a standalone SVG document: a white background covering the quiet zone
   * and one black path in which each run of dark modules is one rectangle. The view box is in
   * modules; width and height are in pixels.
   *
   * @param moduleSizePx width and height of one module in pixels, 1 to 100
   * @throws IllegalArgumentException as for {@link #png}
   */
  public String svg(Symbology symbology, String gs1Message, int moduleSizePx) {
    checkModuleSize(moduleSizePx);
    Symbol symbol = encode(symbology, gs1Message);
    int width = symbol.width();
    int height = symbol.height();
    StringBuilder svg = new StringBuilder(64 + 16 * width * height / 4);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        .append(" width=\"")
        .append(width * moduleSizePx)
        .append("\" height=\"")
        .append(height * moduleSizePx)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" shape-rendering=\"crispEdges\">")
        .append("<rect width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
    appendDarkRectangles(symbol, svg);
    return svg.append("\"/></svg>\n").toString();
  }

  /**
   * Encodes and verifies the symbol; package-private so that tests can compare renderings with it.
   */
  Symbol encode(Symbology symbology, String gs1Message) {
    Objects.requireNonNull(symbology, "symbology");
    checkMessage(gs1Message);
    Symbol symbol =
        switch (symbology) {
          case DATA_MATRIX -> new Symbol(Gs1DataMatrixEncoder.encode(gs1Message), 2, 2);
          case QR -> new Symbol(write(symbology, qrContent(gs1Message), QR_HINTS), 4, 4);
          case GS1_128 -> {
            if (gs1Message.length() > GS1_128_MAX_DATA_CHARACTERS) {
              throw new IllegalArgumentException(
                  "GS1-128 carries at most "
                      + GS1_128_MAX_DATA_CHARACTERS
                      + " data characters, but the message has "
                      + gs1Message.length()
                      + "; use GS1 DataMatrix or split the data over two symbols");
            }
            String content = CODE_128_FNC1 + gs1Message.replace(GS, CODE_128_FNC1);
            BitMatrix bars = write(symbology, content, CODE_128_HINTS);
            yield new Symbol(repeatRow(bars, GS1_128_BAR_HEIGHT_MODULES), 10, 0);
          }
        };
    verifyReadsBack(symbology, symbol, gs1Message);
    return symbol;
  }

  /** A symbol's modules without quiet zone, and the quiet zone in modules on each side. */
  record Symbol(BitMatrix modules, int quietZoneX, int quietZoneY) {

    int width() {
      return modules.getWidth() + 2 * quietZoneX;
    }

    int height() {
      return modules.getHeight() + 2 * quietZoneY;
    }

    /** Whether the module at (x, y) is dark; coordinates include the quiet zone. */
    boolean isDark(int x, int y) {
      int mx = x - quietZoneX;
      int my = y - quietZoneY;
      return mx >= 0
          && my >= 0
          && mx < modules.getWidth()
          && my < modules.getHeight()
          && modules.get(mx, my);
    }
  }

  private static void checkMessage(String message) {
    Objects.requireNonNull(message, "gs1Message");
    if (message.length() < 2
        || !Character.isDigit(message.charAt(0))
        || !Character.isDigit(message.charAt(1))) {
      throw new IllegalArgumentException(
          "A GS1 message must start with an Application Identifier such as 01, without brackets"
              + " and without a leading FNC1 or GS");
    }
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == GS) {
        if (i == message.length() - 1 || message.charAt(i + 1) == GS) {
          throw new IllegalArgumentException(
              "GS at index " + i + " is not followed by an Application Identifier");
        }
      } else if (GS1_CHARACTERS.indexOf(c) < 0) {
        throw new IllegalArgumentException(
            String.format(
                "Character U+%04X at index %d is not allowed in a GS1 element string"
                    + " (GS1 character set 82, '#' and GS separators only)",
                (int) c, i));
      }
    }
  }

  /**
   * Chooses the QR content: when the message, with '%' escaped as "%%" and GS written as '%', is
   * all QR alphanumeric, ZXing encodes it in alphanumeric mode where that is the FNC1-mode
   * spelling; otherwise ZXing falls back to byte mode, where GS and '%' are literal.
   */
  static String qrContent(String message) {
    if (message.indexOf(GS) < 0 && message.indexOf('%') < 0) {
      return message;
    }
    String escaped = message.replace("%", "%%").replace(GS, '%');
    for (int i = 0; i < escaped.length(); i++) {
      if (QR_ALPHANUMERIC.indexOf(escaped.charAt(i)) < 0) {
        return message;
      }
    }
    return escaped;
  }

  private static BitMatrix write(
      Symbology symbology, String content, Map<EncodeHintType, Object> hints) {
    try {
      return new MultiFormatWriter().encode(content, symbology.format(), 0, 0, hints);
    } catch (WriterException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The message cannot be encoded as " + symbology + ": " + e.getMessage(), e);
    }
  }

  private static BitMatrix repeatRow(BitMatrix row, int height) {
    BitMatrix matrix = new BitMatrix(row.getWidth(), height);
    for (int x = 0; x < row.getWidth(); x++) {
      if (row.get(x, 0)) {
        matrix.setRegion(x, 0, 1, height);
      }
    }
    return matrix;
  }

  /**
   * Decodes the symbol from a 2-pixels-per-module grey image; this is the same reading path as
   * {@link BarcodeDecoder}, restricted to the one symbology and to an unrotated symbol.
   */
  private static void verifyReadsBack(Symbology symbology, Symbol symbol, String gs1Message) {
    int scale = 2;
    int width = symbol.width() * scale;
    int height = symbol.height() * scale;
    byte[] luminance = new byte[width * height];
    Arrays.fill(luminance, (byte) 0xFF);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (symbol.isDark(x / scale, y / scale)) {
          luminance[y * width + x] = 0;
        }
      }
    }
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(
                new PlanarYUVLuminanceSource(
                    luminance, width, height, 0, 0, width, height, false)));
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(symbology.format()));
    hints.put(DecodeHintType.PURE_BARCODE, true);
    hints.put(DecodeHintType.ASSUME_GS1, true);
    BarcodeDecoder.Decoded decoded;
    try {
      decoded = BarcodeDecoder.toDecoded(new MultiFormatReader().decode(bitmap, hints));
    } catch (ReaderException e) {
      throw new IllegalStateException("ZXing wrote a " + symbology + " symbol it cannot read", e);
    }
    if (!decoded.isGs1() || !decoded.gs1Message().equals(gs1Message)) {
      throw new IllegalStateException(
          "ZXing wrote a "
              + symbology
              + " symbol that reads back as "
              + decoded.symbologyIdentifier()
              + " with different data; refusing to render it");
    }
  }

  private static void checkModuleSize(int moduleSizePx) {
    if (moduleSizePx < 1 || moduleSizePx > MAX_MODULE_SIZE_PX) {
      throw new IllegalArgumentException(
          "Module size must be 1 to " + MAX_MODULE_SIZE_PX + " pixels, but was " + moduleSizePx);
    }
  }

  private static void checkImageSize(Symbol symbol, int moduleSizePx) {
    long pixels = (long) symbol.width() * symbol.height() * moduleSizePx * moduleSizePx;
    if (pixels > MAX_IMAGE_PIXELS) {
      throw new IllegalArgumentException(
          "The image would have "
              + pixels
              + " pixels, more than "
              + MAX_IMAGE_PIXELS
              + "; use a smaller module size");
    }
  }

  private static BufferedImage toImage(Symbol symbol, int moduleSizePx) {
    int width = symbol.width() * moduleSizePx;
    BufferedImage image =
        new BufferedImage(width, symbol.height() * moduleSizePx, BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = image.getRaster();
    int[] row = new int[width];
    for (int y = 0; y < symbol.height(); y++) {
      for (int x = 0; x < symbol.width(); x++) {
        // In TYPE_BYTE_BINARY's palette, sample 0 is black and 1 is white.
        Arrays.fill(row, x * moduleSizePx, (x + 1) * moduleSizePx, symbol.isDark(x, y) ? 0 : 1);
      }
      for (int line = 0; line < moduleSizePx; line++) {
        raster.setPixels(0, y * moduleSizePx + line, width, 1, row);
      }
    }
    return image;
  }

  private static byte[] writePng(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // An explicit memory stream: ImageIO.write would use a temporary file when ImageIO's cache is
    // on.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing a PNG to memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * Appends one path rectangle per maximal horizontal run of dark modules, merging runs of the same
   * position and length in consecutive rows, so a GS1-128 bar is one rectangle.
   */
  private static void appendDarkRectangles(Symbol symbol, StringBuilder path) {
    // Open rectangles by left edge: {run length, top row}.
    TreeMap<Integer, int[]> open = new TreeMap<>();
    for (int y = 0; y <= symbol.height(); y++) {
      TreeMap<Integer, int[]> continued = new TreeMap<>();
      int x = 0;
      while (y < symbol.height() && x < symbol.width()) {
        if (!symbol.isDark(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < symbol.width() && symbol.isDark(x, y)) {
          x++;
        }
        int[] rectangle = open.remove(start);
        if (rectangle != null && rectangle[0] == x - start) {
          continued.put(start, rectangle);
        } else {
          if (rectangle != null) {
            appendRectangle(path, start, rectangle, y);
          }
          continued.put(start, new int[] {x - start, y});
        }
      }
      for (Map.Entry<Integer, int[]> closed : open.entrySet()) {
        appendRectangle(path, closed.getKey(), closed.getValue(), y);
      }
      open = continued;
    }
  }

  private static void appendRectangle(StringBuilder path, int left, int[] rectangle, int bottom) {
    int width = rectangle[0];
    int top = rectangle[1];
    path.append('M')
        .append(left)
        .append(',')
        .append(top)
        .append('h')
        .append(width)
        .append('v')
        .append(bottom - top)
        .append("h-")
        .append(width)
        .append('z');
  }

  private static Map<EncodeHintType, Object> hints(Map<EncodeHintType, Object> hints) {
    return Collections.unmodifiableMap(new EnumMap<>(hints));
  }
}
