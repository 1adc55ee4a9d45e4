package org.custodia.label;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class BarcodeRendererTest {

  private static final Pattern RECTANGLE = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v(\\d+)h-(\\d+)z");

  private final BarcodeRenderer renderer = new BarcodeRenderer();
  private final BarcodeDecoder decoder = new BarcodeDecoder();

  static Stream<Arguments> symbologiesAndMessages() {
    return Arrays.stream(Symbology.values())
        .flatMap(
            symbology ->
                TestMessages.ALL.stream()
                    .filter(
                        message ->
                            symbology != Symbology.GS1_128
                                || message.length() <= BarcodeRenderer.GS1_128_MAX_DATA_CHARACTERS)
                    .map(message -> Arguments.of(symbology, message)));
  }

  @Tag("LBL-1")
  @Tag("LBL-2")
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("symbologiesAndMessages")
  void pngDecodesBackToTheSameMessageWithTheGs1SymbologyIdentifier(
      Symbology symbology, String message) throws Exception {
    // given
    byte[] png = renderer.png(symbology, message, 3);

    // when
    BarcodeDecoder.Decoded decoded = decoder.decode(png);

    // then
    assertAll(
        () -> assertEquals(symbology, decoded.symbology()),
        () -> assertEquals(symbology.gs1SymbologyIdentifier(), decoded.symbologyIdentifier()),
        () -> assertTrue(decoded.isGs1()),
        () -> assertEquals(visible(message), visible(decoded.gs1Message())));
  }

  static Stream<Arguments> symbologiesAndMessagesZxingReadsRight() {
    return symbologiesAndMessages()
        .filter(arguments -> arguments.get()[1] != TestMessages.CHECK_CHARACTER_IS_FNC1);
  }

  @Tag("LBL-1")
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("symbologiesAndMessagesZxingReadsRight")
  void symbolReadByPlainZxingStartsWithFnc1AndHasGsSeparators(Symbology symbology, String message)
      throws Exception {
    // given: ZXing's reader with none of our post-processing
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(renderer.png(symbology, message, 2)));
    Map<DecodeHintType, Object> hints =
        Map.of(DecodeHintType.PURE_BARCODE, true, DecodeHintType.ASSUME_GS1, true);

    // when
    Result result =
        new MultiFormatReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                hints);

    // then: each symbology transmits FNC1 first in its own way, separators always as GS
    String expectedText =
        switch (symbology) {
          case DATA_MATRIX -> TestMessages.GS + message;
          case GS1_128 -> "]C1" + message;
          case QR -> message;
        };
    assertEquals(
        symbology.gs1SymbologyIdentifier(),
        result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER));
    assertEquals(visible(expectedText), visible(result.getText()));
  }

  @Tag("LBL-1")
  @Test
  void pngIsRealPngSizedByModuleSizeWithQuietZone() throws Exception {
    // given: this message needs a 22x22 DataMatrix, drawn with a 2-module quiet zone
    int moduleSizePx = 5;

    // when
    byte[] png = renderer.png(Symbology.DATA_MATRIX, TestMessages.WITH_SEPARATOR, moduleSizePx);

    // then
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Arrays.copyOf(png, 8));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image);
    assertEquals((22 + 2 * 2) * moduleSizePx, image.getWidth());
    assertEquals((22 + 2 * 2) * moduleSizePx, image.getHeight());
  }

  @Tag("LBL-1")
  @ParameterizedTest
  @EnumSource(Symbology.class)
  void pngPixelsMatchTheModulesOfTheSymbol(Symbology symbology) throws Exception {
    // given
    int moduleSizePx = 4;
    BarcodeRenderer.Symbol symbol = renderer.encode(symbology, TestMessages.WITH_SEPARATOR);

    // when
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                renderer.png(symbology, TestMessages.WITH_SEPARATOR, moduleSizePx)));

    // then
    assertEquals(symbol.width() * moduleSizePx, image.getWidth());
    assertEquals(symbol.height() * moduleSizePx, image.getHeight());
    for (int y = 0; y < symbol.height(); y++) {
      for (int x = 0; x < symbol.width(); x++) {
        int rgb =
            image.getRGB(x * moduleSizePx + moduleSizePx / 2, y * moduleSizePx + 1) & 0xFFFFFF;
        assertEquals(symbol.isDark(x, y) ? 0x000000 : 0xFFFFFF, rgb, "module " + x + "," + y);
      }
    }
  }

  @Tag("LBL-1")
  @Test
  void quietZoneIsLightAndAsWideAsTheSymbologyRequires() {
    // given / when
    BarcodeRenderer.Symbol dataMatrix =
        renderer.encode(Symbology.DATA_MATRIX, TestMessages.WITH_SEPARATOR);
    BarcodeRenderer.Symbol qr = renderer.encode(Symbology.QR, TestMessages.WITH_SEPARATOR);
    BarcodeRenderer.Symbol gs1128 = renderer.encode(Symbology.GS1_128, TestMessages.WITH_SEPARATOR);

    // then
    assertAll(
        () -> assertEquals(2, dataMatrix.quietZoneX()),
        () -> assertEquals(4, qr.quietZoneX()),
        () -> assertEquals(10, gs1128.quietZoneX()),
        () -> assertEquals(BarcodeRenderer.GS1_128_BAR_HEIGHT_MODULES, gs1128.height()),
        // the first bar of Code 128 and the finder patterns of 2D symbols start right after it
        () -> assertTrue(gs1128.isDark(10, 0)),
        () -> assertTrue(!gs1128.isDark(9, 0)),
        () -> assertTrue(dataMatrix.isDark(2, dataMatrix.height() - 3)),
        () -> assertTrue(!dataMatrix.isDark(1, dataMatrix.height() - 3)),
        () -> assertTrue(qr.isDark(4, 4)));
  }

  @Tag("LBL-1")
  @ParameterizedTest
  @EnumSource(Symbology.class)
  void svgIsWellFormedAndItsRectanglesCoverExactlyTheDarkModules(Symbology symbology)
      throws Exception {
    // given
    int moduleSizePx = 3;
    BarcodeRenderer.Symbol symbol = renderer.encode(symbology, TestMessages.WITH_SEPARATOR);

    // when
    String svg = renderer.svg(symbology, TestMessages.WITH_SEPARATOR, moduleSizePx);

    // then: it parses without a DTD and declares its size in pixels and its view box in modules
    Element root = parseWithoutDtd(svg).getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    assertEquals(String.valueOf(symbol.width() * moduleSizePx), root.getAttribute("width"));
    assertEquals(String.valueOf(symbol.height() * moduleSizePx), root.getAttribute("height"));
    assertEquals("0 0 " + symbol.width() + " " + symbol.height(), root.getAttribute("viewBox"));
    Element path =
        (Element) root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
    boolean[][] covered = rasterise(path.getAttribute("d"), symbol.width(), symbol.height());
    int darkModules = 0;
    int coveredModules = 0;
    for (int y = 0; y < symbol.height(); y++) {
      for (int x = 0; x < symbol.width(); x++) {
        assertEquals(symbol.isDark(x, y), covered[y][x], "module " + x + "," + y);
        darkModules += symbol.isDark(x, y) ? 1 : 0;
        coveredModules += covered[y][x] ? 1 : 0;
      }
    }
    assertEquals(countSetBits(symbol.modules()), darkModules);
    assertEquals(darkModules, coveredModules);
  }

  @Tag("LBL-1")
  @Test
  void svgDrawsEachGs1128BarAsOneRectangle() {
    // given
    BarcodeRenderer.Symbol symbol = renderer.encode(Symbology.GS1_128, TestMessages.WITH_SEPARATOR);
    int bars = 0;
    for (int x = 0; x < symbol.width(); x++) {
      if (symbol.isDark(x, 0) && !symbol.isDark(x - 1, 0)) {
        bars++;
      }
    }

    // when
    String svg = renderer.svg(Symbology.GS1_128, TestMessages.WITH_SEPARATOR, 2);

    // then
    assertEquals(bars, RECTANGLE.matcher(svg).results().count());
  }

  @Tag("LBL-1")
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\u001D0109506000134352",
        "(01)09506000134352",
        "010950600013435210ABC\u001D",
        "010950600013435210ABC\u001D\u001D21X",
        "010950600013435221SN 001",
        "010950600013435221SN\u00E9001"
      })
  void rejectsTextThatIsNotAnUnbracketedGs1Message(String notAMessage) {
    // given / when
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> renderer.png(Symbology.DATA_MATRIX, notAMessage, 4));

    // then
    assertNotNull(thrown.getMessage());
  }

  @Tag("LBL-1")
  @Test
  void rejectsGs1128MessageLongerThanFortyEightCharacters() {
    // given
    String message = TestMessages.MAX_LENGTH_LOT_AND_SERIAL;

    // when
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class, () -> renderer.svg(Symbology.GS1_128, message, 2));

    // then
    assertTrue(thrown.getMessage().contains("48"), thrown.getMessage());
  }

  @Tag("LBL-1")
  @ParameterizedTest
  @ValueSource(ints = {0, -1, BarcodeRenderer.MAX_MODULE_SIZE_PX + 1})
  void rejectsModuleSizeOutOfRange(int moduleSizePx) {
    // given / when / then
    assertThrows(
        IllegalArgumentException.class,
        () -> renderer.png(Symbology.QR, TestMessages.FIXED_LENGTH_ONLY, moduleSizePx));
  }

  @Tag("LBL-1")
  @Test
  void qrContentEscapesPercentOnlyWhenTheMessageFitsAlphanumericMode() {
    // given / when / then
    assertEquals(
        "0109506000134352" + "10AB%%CD%2112%%34",
        BarcodeRenderer.qrContent(TestMessages.PERCENT_AND_SEPARATOR));
    assertEquals(
        TestMessages.LOWER_CASE_WITH_SEPARATOR,
        BarcodeRenderer.qrContent(TestMessages.LOWER_CASE_WITH_SEPARATOR));
  }

  /**
   * Pins the ZXing behaviour that {@link BarcodeRenderer} works around. If a ZXing upgrade makes
   * this fail, GS1_FORMAT is now honoured on its own and the Javadoc should be revisited.
   */
  @Tag("LBL-1")
  @Test
  void zxingIgnoresGs1FormatForDataMatrixWithoutTheCompactHint() throws Exception {
    // given
    BitMatrix matrix =
        new MultiFormatWriter()
            .encode(
                TestMessages.WITH_SEPARATOR,
                BarcodeFormat.DATA_MATRIX,
                0,
                0,
                Map.of(EncodeHintType.GS1_FORMAT, true));
    BufferedImage image = MatrixToImageWriter.toBufferedImage(scaleWithQuietZone(matrix, 4, 2));

    // when
    Result result =
        new MultiFormatReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, true));

    // then
    assertEquals("]d1", result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER));
  }

  /**
   * Pins the ZXing defect that made us write DataMatrix codewords ourselves: with both hints, the
   * compact encoder leaves EDIFACT without an unlatch, and the padding is read as data.
   */
  @Tag("LBL-1")
  @Test
  void zxingCompactDataMatrixEncoderReadsBackWithPaddingAsData() throws Exception {
    // given
    BitMatrix matrix =
        new MultiFormatWriter()
            .encode(
                TestMessages.LOT_ENDING_IN_LETTERS,
                BarcodeFormat.DATA_MATRIX,
                0,
                0,
                Map.of(EncodeHintType.GS1_FORMAT, true, EncodeHintType.DATA_MATRIX_COMPACT, true));
    BufferedImage image = MatrixToImageWriter.toBufferedImage(scaleWithQuietZone(matrix, 4, 2));

    // when
    Result result =
        new MultiFormatReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, true));

    // then
    assertEquals("]d2", result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER));
    assertNotEquals(
        visible(TestMessages.GS + TestMessages.LOT_ENDING_IN_LETTERS), visible(result.getText()));
  }

  /**
   * Pins the ZXing reader defect that {@link BarcodeDecoder} works around: with ASSUME_GS1, a Code
   * 128 check character of value 102 is returned as a trailing GS.
   */
  @Tag("LBL-2")
  @Test
  void zxingCode128ReaderReturnsCheckCharacterFnc1AsTrailingGs() throws Exception {
    // given
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                renderer.png(Symbology.GS1_128, TestMessages.CHECK_CHARACTER_IS_FNC1, 2)));

    // when
    Result result =
        new MultiFormatReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.ASSUME_GS1, true));

    // then
    assertEquals(
        visible("]C1" + TestMessages.CHECK_CHARACTER_IS_FNC1 + TestMessages.GS),
        visible(result.getText()));
  }

  @Tag("LBL-1")
  @Test
  void dataMatrixCodewordsAreFnc1DigitPairsAndScrambledPadding() {
    // given: ISO/IEC 16022 ASCII encodation; 9 data codewords fill a 16x16 symbol's 12 with pads
    String message = "0109506000134352";

    // when
    String codewords = Gs1DataMatrixEncoder.dataCodewords(message);

    // then: FNC1, 01 09 50 60 00 13 43 52 as 130 + pair, pad 129, then 253-state pads
    assertArrayEquals(
        new int[] {232, 131, 139, 180, 190, 130, 143, 173, 182, 129, 251, 147},
        codewords.chars().toArray());
  }

  @Tag("LBL-1")
  @Test
  void dataMatrixCodewordsWriteSeparatorAsFnc1AndOtherCharactersAsAsciiPlusOne() {
    // given
    String message = "10A1" + TestMessages.GS + "21%";

    // when
    String codewords = Gs1DataMatrixEncoder.dataCodewords(message);

    // then: FNC1, "10", 'A', '1', FNC1, "21", '%', and one pad fill a 14x14 symbol's 8
    assertArrayEquals(new int[] {232, 140, 66, 50, 232, 151, 38, 129}, codewords.chars().toArray());
  }

  static BitMatrix scaleWithQuietZone(BitMatrix matrix, int scale, int quietZone) {
    BitMatrix scaled =
        new BitMatrix(
            (matrix.getWidth() + 2 * quietZone) * scale,
            (matrix.getHeight() + 2 * quietZone) * scale);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          scaled.setRegion((x + quietZone) * scale, (y + quietZone) * scale, scale, scale);
        }
      }
    }
    return scaled;
  }

  private static Document parseWithoutDtd(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new InputSource(new StringReader(xml)));
  }

  private static boolean[][] rasterise(String pathData, int width, int height) {
    boolean[][] covered = new boolean[height][width];
    Matcher rectangle = RECTANGLE.matcher(pathData);
    int end = 0;
    while (rectangle.find()) {
      assertEquals(end, rectangle.start(), "path data has something other than rectangles");
      end = rectangle.end();
      int left = Integer.parseInt(rectangle.group(1));
      int top = Integer.parseInt(rectangle.group(2));
      int w = Integer.parseInt(rectangle.group(3));
      int h = Integer.parseInt(rectangle.group(4));
      assertEquals(w, Integer.parseInt(rectangle.group(5)), "rectangle does not close");
      for (int y = top; y < top + h; y++) {
        for (int x = left; x < left + w; x++) {
          assertTrue(!covered[y][x], "module " + x + "," + y + " drawn twice");
          covered[y][x] = true;
        }
      }
    }
    assertEquals(pathData.length(), end, "path data has something other than rectangles");
    return covered;
  }

  private static int countSetBits(BitMatrix matrix) {
    int count = 0;
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        count += matrix.get(x, y) ? 1 : 0;
      }
    }
    return count;
  }

  static String visible(String message) {
    return message.replace(TestMessages.GS, "<GS>");
  }
}
