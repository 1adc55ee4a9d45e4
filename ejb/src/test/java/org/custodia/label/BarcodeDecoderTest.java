package org.custodia.label;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("LBL-2")
class BarcodeDecoderTest {

  private final BarcodeRenderer renderer = new BarcodeRenderer();
  private final BarcodeDecoder decoder = new BarcodeDecoder();

  @ParameterizedTest
  @EnumSource(Symbology.class)
  void decodesJpegPhotoOfRotatedBlurredNoisySymbol(Symbology symbology) throws Exception {
    // given: rendered, then scaled, rotated 7 degrees, blurred, greyed, noised, framed, JPEG'd
    String message = TestMessages.WITH_SEPARATOR;
    byte[] photo = photograph(renderer.png(symbology, message, 6), 0.7, 7.0, 42L);

    // when
    BarcodeDecoder.Decoded decoded = decoder.decode(photo);

    // then
    assertAll(
        () -> assertEquals(symbology, decoded.symbology()),
        () -> assertEquals(symbology.gs1SymbologyIdentifier(), decoded.symbologyIdentifier()),
        () ->
            assertEquals(
                BarcodeRendererTest.visible(message),
                BarcodeRendererTest.visible(decoded.gs1Message())));
  }

  @Test
  void decodesPhotoOfMaximumLengthDataMatrixRotatedTheOtherWay() throws Exception {
    // given
    String message = TestMessages.MAX_LENGTH_LOT_AND_SERIAL;
    byte[] photo = photograph(renderer.png(Symbology.DATA_MATRIX, message, 8), 0.6, -7.0, 7L);

    // when
    BarcodeDecoder.Decoded decoded = decoder.decode(photo);

    // then
    assertTrue(decoded.isGs1());
    assertEquals(
        BarcodeRendererTest.visible(message), BarcodeRendererTest.visible(decoded.gs1Message()));
  }

  @ParameterizedTest
  @CsvSource({"DATA_MATRIX, DATA_MATRIX, ]d1", "QR_CODE, QR, ]Q1", "CODE_128, GS1_128, ]C0"})
  void reportsSymbolWithoutFnc1FirstAsNotGs1(
      BarcodeFormat format, Symbology symbology, String identifier) throws Exception {
    // given: a symbol holding element-string-like text, but written without GS1 mode
    String text = "0109506000134352";
    BitMatrix matrix =
        new MultiFormatWriter().encode(text, format, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
    BitMatrix symbol = format == BarcodeFormat.CODE_128 ? tall(matrix, 40) : matrix;
    byte[] png =
        png(
            MatrixToImageWriter.toBufferedImage(
                BarcodeRendererTest.scaleWithQuietZone(symbol, 3, 10)));

    // when
    BarcodeDecoder.Decoded decoded = decoder.decode(png);

    // then
    assertAll(
        () -> assertEquals(symbology, decoded.symbology()),
        () -> assertEquals(identifier, decoded.symbologyIdentifier()),
        () -> assertFalse(decoded.isGs1()),
        () -> assertEquals(text, decoded.gs1Message()));
  }

  @Test
  void refusesBytesThatAreNotAnImage() {
    // given
    byte[] notAnImage = "01095060001343521728123110ABC123".getBytes();

    // when
    UnreadableImageException thrown =
        assertThrows(UnreadableImageException.class, () -> decoder.decode(notAnImage));

    // then
    assertEquals(UnreadableImageException.Reason.NOT_AN_IMAGE, thrown.reason());
    assertTrue(thrown.getMessage().contains("PNG or JPEG"), thrown.getMessage());
  }

  @Test
  void refusesTruncatedPng() throws Exception {
    // given
    byte[] png = renderer.png(Symbology.DATA_MATRIX, TestMessages.WITH_SEPARATOR, 4);
    byte[] truncated = Arrays.copyOf(png, 60);

    // when
    UnreadableImageException thrown =
        assertThrows(UnreadableImageException.class, () -> decoder.decode(truncated));

    // then
    assertEquals(UnreadableImageException.Reason.NOT_AN_IMAGE, thrown.reason());
  }

  @Test
  void reportsImageWithoutSymbolAsNoBarcodeFound() throws Exception {
    // given: grey noise, no symbol
    BufferedImage noise = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
    Random random = new Random(1L);
    for (int y = 0; y < noise.getHeight(); y++) {
      for (int x = 0; x < noise.getWidth(); x++) {
        int grey = 128 + (int) (random.nextGaussian() * 40);
        grey = Math.max(0, Math.min(255, grey));
        noise.setRGB(x, y, new Color(grey, grey, grey).getRGB());
      }
    }

    // when
    UnreadableImageException thrown =
        assertThrows(UnreadableImageException.class, () -> decoder.decode(png(noise)));

    // then
    assertEquals(UnreadableImageException.Reason.NO_BARCODE_FOUND, thrown.reason());
    assertTrue(thrown.getMessage().contains("400x300"), thrown.getMessage());
  }

  @Test
  void refusesImageOverTwentyFiveMegapixelsBeforeDecodingIt() throws Exception {
    // given: a blank 1-bit image compresses to a few kilobytes, but has 30 megapixels
    byte[] huge = png(new BufferedImage(6000, 5000, BufferedImage.TYPE_BYTE_BINARY));

    // when
    UnreadableImageException thrown =
        assertThrows(UnreadableImageException.class, () -> decoder.decode(huge));

    // then
    assertTrue(huge.length < BarcodeDecoder.MAX_IMAGE_BYTES);
    assertEquals(UnreadableImageException.Reason.TOO_LARGE, thrown.reason());
    assertTrue(thrown.getMessage().contains("6000x5000"), thrown.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Symbology.class)
  void decodesAnImageInMemoryAsRenderedWithoutAFileFormat(Symbology symbology) throws Exception {
    // given: the renderer's image itself, as a camera frame would be (no PNG in between)
    String message = TestMessages.WITH_SEPARATOR;
    BufferedImage frame = renderer.image(symbology, message, 3);

    // when
    BarcodeDecoder.Decoded decoded = decoder.decode(frame);

    // then: the same as the PNG of the same rendering
    assertEquals(decoder.decode(renderer.png(symbology, message, 3)), decoded);
    assertEquals(BarcodeRendererTest.visible(message), BarcodeRendererTest.visible(decoded.gs1Message()));
  }

  @Test
  void refusesAnImageInMemoryOverTwentyFiveMegapixels() {
    UnreadableImageException thrown = assertThrows(UnreadableImageException.class,
        () -> decoder.decode(new BufferedImage(6000, 5000, BufferedImage.TYPE_BYTE_BINARY)));
    assertEquals(UnreadableImageException.Reason.TOO_LARGE, thrown.reason());
    assertTrue(thrown.getMessage().contains("6000x5000"), thrown.getMessage());
  }

  @Test
  void refusesImageOverTenMebibytes() {
    // given
    byte[] tooMany = new byte[BarcodeDecoder.MAX_IMAGE_BYTES + 1];

    // when
    UnreadableImageException thrown =
        assertThrows(UnreadableImageException.class, () -> decoder.decode(tooMany));

    // then
    assertEquals(UnreadableImageException.Reason.TOO_LARGE, thrown.reason());
  }

  /** Simulates a camera: scale, rotate, blur, lower contrast, add noise, white border, JPEG. */
  private static byte[] photograph(byte[] png, double scale, double degrees, long seed)
      throws IOException {
    BufferedImage symbol = ImageIO.read(new ByteArrayInputStream(png));
    int border = 80;
    int diagonal = (int) Math.ceil(Math.hypot(symbol.getWidth(), symbol.getHeight()) * scale);
    BufferedImage photo =
        new BufferedImage(diagonal + 2 * border, diagonal + 2 * border, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = photo.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, photo.getWidth(), photo.getHeight());
    graphics.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    graphics.translate(photo.getWidth() / 2.0, photo.getHeight() / 2.0);
    graphics.rotate(Math.toRadians(degrees));
    graphics.scale(scale, scale);
    graphics.translate(-symbol.getWidth() / 2.0, -symbol.getHeight() / 2.0);
    graphics.drawImage(symbol, 0, 0, null);
    graphics.dispose();

    float[] box = new float[9];
    Arrays.fill(box, 1f / 9f);
    BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, box)).filter(photo, null);

    Random random = new Random(seed);
    for (int y = 0; y < blurred.getHeight(); y++) {
      for (int x = 0; x < blurred.getWidth(); x++) {
        int grey = blurred.getRGB(x, y) & 0xFF;
        int value = (int) (35 + grey * 0.75 + random.nextGaussian() * 10);
        value = Math.max(0, Math.min(255, value));
        blurred.setRGB(x, y, new Color(value, value, value).getRGB());
      }
    }

    ImageWriter jpeg = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam parameters = jpeg.getDefaultWriteParam();
    parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    parameters.setCompressionQuality(0.5f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      jpeg.setOutput(out);
      jpeg.write(null, new IIOImage(blurred, null, null), parameters);
    } finally {
      jpeg.dispose();
    }
    return bytes.toByteArray();
  }

  private static BitMatrix tall(BitMatrix row, int height) {
    BitMatrix bars = new BitMatrix(row.getWidth(), height);
    for (int x = 0; x < row.getWidth(); x++) {
      if (row.get(x, 0)) {
        bars.setRegion(x, 0, 1, height);
      }
    }
    return bars;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, "png", bytes));
    return bytes.toByteArray();
  }
}
