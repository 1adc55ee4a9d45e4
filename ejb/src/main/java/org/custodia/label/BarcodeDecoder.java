package org.custodia.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads a DataMatrix, QR Code or Code 128 symbol from an uploaded photo or a camera frame and
 * returns its data in the same unbracketed form that {@link BarcodeRenderer} takes, so that a
 * printed code can be compared with what was meant to be printed.
 *
 * <p>Readers transmit GS1 data with a leading FNC1 that ZXing reports differently per symbology: as
 * a leading GS for DataMatrix, as the text {@code ]C1} for Code 128 (only with {@code ASSUME_GS1},
 * which is also what makes ZXing return Code 128 separators as GS rather than drop them), and not
 * at all for QR Code. This class removes those, so that callers see one form, and reports the
 * symbology identifier so that a symbol without the GS1 identifier ({@code ]d1}, {@code ]Q1},
 * {@code ]C0} …) can be refused instead of its text being taken for an element string.
 *
 * <p>Decoding tries, in order: a pure-symbol read (fast, for rendered images and well-framed camera
 * images), then a full search with {@code TRY_HARDER} over a locally adaptive binarisation (photos
 * with uneven light), then the same over a global histogram binarisation (blurred 1D symbols), and
 * last Code 128 alone in copies of the image turned by a few angles (tilted 1D symbols). Images
 * over {@value #MAX_IMAGE_BYTES} bytes or {@value #MAX_IMAGE_PIXELS} pixels are refused before
 * their pixels are decoded, so that an upload cannot exhaust the heap. Light-on-dark (inverted)
 * symbols are not searched for. The class is stateless and thread-safe.
 */
public final class BarcodeDecoder {

  /** Largest image accepted, in bytes (10 MiB). */
  public static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

  /** Largest image accepted, in pixels (25 megapixels). */
  public static final long MAX_IMAGE_PIXELS = 25_000_000L;

  private static final List<BarcodeFormat> FORMATS =
      List.of(BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128);

  private static final List<Attempt> ATTEMPTS =
      List.of(
          new Attempt(HybridBinarizer::new, hints(DecodeHintType.PURE_BARCODE)),
          new Attempt(HybridBinarizer::new, hints(DecodeHintType.TRY_HARDER)),
          new Attempt(GlobalHistogramBinarizer::new, hints(DecodeHintType.TRY_HARDER)));

  /**
   * ZXing reads 1D symbols along pixel rows only (and columns, with TRY_HARDER), so a Code 128
   * tilted by more than about atan(bar height / symbol width), some 7 degrees for a 40-module-high
   * GS1-128 of 300 modules, has no row that crosses every bar. Straightening the image by these
   * angles covers tilts up to about 18 degrees; it is only tried when everything else has failed.
   */
  private static final double[] CODE_128_TILTS_DEGREES = {6, -6, 12, -12};

  private static final Map<DecodeHintType, Object> CODE_128_HINTS =
      Collections.unmodifiableMap(
          new EnumMap<>(
              Map.of(
                  DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
                  DecodeHintType.ASSUME_GS1, true,
                  DecodeHintType.TRY_HARDER, true)));

  /**
   * What a symbol said.
   *
   * @param symbology the symbology family, also for symbols that are not GS1
   * @param symbologyIdentifier the ISO/IEC 15424 identifier the reader reports, e.g. {@code ]d2}
   *     for GS1 DataMatrix or {@code ]d1} for a plain DataMatrix
   * @param gs1Message for a GS1 symbol the element string in the form {@link BarcodeRenderer} takes
   *     (no leading FNC1, GS between fields); for any other symbol its text as read
   */
  public record Decoded(Symbology symbology, String symbologyIdentifier, String gs1Message) {

    public Decoded {
      Objects.requireNonNull(symbology, "symbology");
      Objects.requireNonNull(symbologyIdentifier, "symbologyIdentifier");
      Objects.requireNonNull(gs1Message, "gs1Message");
    }

    /** Whether the symbol carries the GS1 symbology identifier, i.e. holds a GS1 element string. */
    public boolean isGs1() {
      return symbology.gs1SymbologyIdentifier().equals(symbologyIdentifier);
    }
  }

  /**
   * Finds and decodes one symbol in a PNG, JPEG (or other JDK-readable) image.
   *
   * @throws UnreadableImageException if the bytes are not an image, the image is too large, or no
   *     DataMatrix, QR Code or Code 128 symbol can be read in it
   */
  public Decoded decode(byte[] imageBytes) throws UnreadableImageException {
    return decode(readImage(imageBytes));
  }

  /**
   * Finds and decodes one symbol in an image already in memory (a camera frame), as {@link #decode(byte[])}
   * does after reading the bytes.
   *
   * @throws UnreadableImageException if the image is too large or no symbol can be read in it
   */
  public Decoded decode(BufferedImage picture) throws UnreadableImageException {
    Objects.requireNonNull(picture, "picture");
    checkPixels(picture.getWidth(), picture.getHeight());
    BufferedImage image = toGrey(picture);
    LuminanceSource source = new BufferedImageLuminanceSource(image);
    MultiFormatReader reader = new MultiFormatReader();
    for (Attempt attempt : ATTEMPTS) {
      try {
        return toDecoded(
            reader.decode(new BinaryBitmap(attempt.binarizer.apply(source)), attempt.hints));
      } catch (NotFoundException e) {
        // MultiFormatReader reports every failure, checksum and format errors too, as not found.
      }
    }
    for (double degrees : CODE_128_TILTS_DEGREES) {
      LuminanceSource straightened = new BufferedImageLuminanceSource(rotate(image, degrees));
      try {
        return toDecoded(
            reader.decode(new BinaryBitmap(new HybridBinarizer(straightened)), CODE_128_HINTS));
      } catch (NotFoundException e) {
        // Try the next angle.
      }
    }
    throw new UnreadableImageException(
        UnreadableImageException.Reason.NO_BARCODE_FOUND,
        String.format(
            "No DataMatrix, QR Code or Code 128 symbol could be read in the %dx%d image (tried a"
                + " pure-symbol read, a full search with adaptive and with global binarisation,"
                + " and Code 128 at tilts up to 12 degrees); retake the photo closer, sharper and"
                + " evenly lit",
            image.getWidth(), image.getHeight()));
  }

  /** Converts ZXing's result into our form; shared with the renderer's read-back check. */
  static Decoded toDecoded(Result result) {
    Symbology symbology = Symbology.of(result.getBarcodeFormat());
    Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
    Object identifier =
        metadata == null ? null : metadata.get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
    String symbologyIdentifier = identifier == null ? "" : identifier.toString();
    String text = result.getText();
    if (symbologyIdentifier.equals(symbology.gs1SymbologyIdentifier())) {
      if (text.startsWith(symbologyIdentifier)) {
        text = text.substring(symbologyIdentifier.length());
      }
      if (!text.isEmpty() && text.charAt(0) == BarcodeRenderer.GS) {
        text = text.substring(1);
      }
      // ZXing 3.5.4's Code 128 reader, with ASSUME_GS1, keeps a check character of value 102 (FNC1)
      // as a trailing GS. An element string never ends with a separator, so dropping it is safe.
      if (symbology == Symbology.GS1_128
          && !text.isEmpty()
          && text.charAt(text.length() - 1) == BarcodeRenderer.GS) {
        text = text.substring(0, text.length() - 1);
      }
    }
    return new Decoded(symbology, symbologyIdentifier, text);
  }

  private static BufferedImage readImage(byte[] imageBytes) throws UnreadableImageException {
    Objects.requireNonNull(imageBytes, "imageBytes");
    if (imageBytes.length > MAX_IMAGE_BYTES) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.TOO_LARGE,
          String.format(
              "The image has %d bytes; images over %d bytes (10 MiB) are refused",
              imageBytes.length, MAX_IMAGE_BYTES));
    }
    // A memory stream: ImageIO.createImageInputStream would use a temporary file when its cache is
    // on.
    try (ImageInputStream in =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(imageBytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnreadableImageException(
            UnreadableImageException.Reason.NOT_AN_IMAGE,
            String.format(
                "The %d bytes are not in an image format that can be read; send a PNG or JPEG",
                imageBytes.length));
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        checkPixels(reader.getWidth(0), reader.getHeight(0));
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // The bytes come from outside; the JDK's decoders throw unchecked exceptions on some damaged
      // files. The failure is reported to the caller, not swallowed.
      throw new UnreadableImageException(
          UnreadableImageException.Reason.NOT_AN_IMAGE,
          "The image data is damaged or incomplete and cannot be read: " + e.getMessage(),
          e);
    }
  }

  private static void checkPixels(int width, int height) throws UnreadableImageException {
    if ((long) width * height > MAX_IMAGE_PIXELS) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.TOO_LARGE,
          String.format(
              "The image is %dx%d pixels; images over %d pixels are refused", width, height, MAX_IMAGE_PIXELS));
    }
  }

  /**
   * Java2D converts to grey many times faster than ZXing's per-pixel {@code getRGB} path, which
   * dominates decoding time for 1-bit PNGs. Transparent pixels become white, as ZXing would treat
   * them.
   */
  private static BufferedImage toGrey(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage grey =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D graphics = grey.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.drawImage(image, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return grey;
  }

  /** Rotates about the centre onto a white grey-scale canvas large enough for the whole image. */
  private static BufferedImage rotate(BufferedImage image, double degrees) {
    double radians = Math.toRadians(degrees);
    double cos = Math.abs(Math.cos(radians));
    double sin = Math.abs(Math.sin(radians));
    int width = (int) Math.ceil(image.getWidth() * cos + image.getHeight() * sin);
    int height = (int) Math.ceil(image.getWidth() * sin + image.getHeight() * cos);
    BufferedImage rotated = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D graphics = rotated.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, width, height);
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.rotate(radians, width / 2.0, height / 2.0);
      graphics.drawImage(
          image, (width - image.getWidth()) / 2, (height - image.getHeight()) / 2, null);
    } finally {
      graphics.dispose();
    }
    return rotated;
  }

  private static Map<DecodeHintType, Object> hints(DecodeHintType mode) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, FORMATS);
    hints.put(DecodeHintType.ASSUME_GS1, true);
    hints.put(mode, true);
    return Collections.unmodifiableMap(hints);
  }

  private record Attempt(
      Function<LuminanceSource, Binarizer> binarizer, Map<DecodeHintType, Object> hints) {}
}
