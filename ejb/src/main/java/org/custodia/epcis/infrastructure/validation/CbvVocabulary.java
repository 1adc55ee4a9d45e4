package org.custodia.epcis.infrastructure.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard values of the CBV 2.0 and of the GS1 web vocabulary terms EPCIS uses, read from the
 * bundled {@code cbv-vocabulary.txt} (derived from GS1's CBV.jsonld and EPCIS context). A standard
 * value may be written three ways, all accepted: the bare word ({@code receiving}), the CBV 1.x URN
 * ({@code urn:epcglobal:cbv:bizstep:receiving}) and the web URI ({@code
 * https://ref.gs1.org/cbv/BizStep-receiving}); any other absolute URI is a user vocabulary.
 */
public final class CbvVocabulary {

  /** A field's vocabulary: its CBV category and the URN prefix CBV 1.x gave it, if any. */
  public enum Category {
    BIZ_STEP("BizStep", "urn:epcglobal:cbv:bizstep:", CBV),
    DISPOSITION("Disp", "urn:epcglobal:cbv:disp:", CBV),
    BIZ_TRANSACTION_TYPE("BTT", "urn:epcglobal:cbv:btt:", CBV),
    SOURCE_DESTINATION_TYPE("SDT", "urn:epcglobal:cbv:sdt:", CBV),
    ERROR_REASON("ER", "urn:epcglobal:cbv:er:", CBV),
    COMPONENT("Comp", null, CBV),
    MEASUREMENT_TYPE("MeasurementType", null, GS1_VOC),
    SENSOR_ALERT_TYPE("SensorAlertType", null, GS1_VOC);

    private final String term;
    private final String urnPrefix;
    private final String webPrefix;

    Category(String name, String urnPrefix, String base) {
      this.term = name;
      this.urnPrefix = urnPrefix;
      this.webPrefix = base.equals(CBV) ? CBV + name + "-" : base;
    }
  }

  private static final String CBV = "https://ref.gs1.org/cbv/";
  private static final String GS1_VOC = "https://gs1.org/voc/";

  private static final Map<String, Set<String>> WORDS = load();

  private CbvVocabulary() {}

  /** True when {@code word} is a standard value of {@code category}. */
  public static boolean isStandard(Category category, String word) {
    return WORDS.getOrDefault(category.term, Set.of()).contains(word);
  }

  /**
   * Checks one value: empty when acceptable, else why not. {@code gs1:} and {@code cbv:} CURIEs
   * count as the standard vocabulary; any other {@code scheme:…} is a user vocabulary URI.
   */
  public static Optional<String> check(Category category, String value) {
    String standard = null;
    if (category.urnPrefix != null && value.startsWith(category.urnPrefix)) {
      standard = value.substring(category.urnPrefix.length());
    } else if (value.startsWith(category.webPrefix)) {
      standard = value.substring(category.webPrefix.length());
    } else if (category.webPrefix.equals(GS1_VOC) && value.startsWith("gs1:")) {
      standard = value.substring(4);
    } else if (category.webPrefix.startsWith(CBV)
        && value.startsWith("cbv:" + category.term + "-")) {
      standard = value.substring(5 + category.term.length());
    } else if (value.startsWith("urn:epcglobal:cbv:") || value.startsWith(CBV)) {
      return Optional.of(
          "\""
              + value
              + "\" is in the GS1 CBV namespace but not of the "
              + category.term
              + " vocabulary");
    } else if (SemanticValidator.isAbsoluteUri(value)) {
      return Optional.empty();
    } else {
      standard = value;
    }
    if (isStandard(category, standard)) {
      return Optional.empty();
    }
    return Optional.of(
        "\""
            + value
            + "\" is not a standard "
            + category.term
            + " value of CBV 2.0, nor an absolute URI of a user vocabulary");
  }

  private static Map<String, Set<String>> load() {
    Map<String, Set<String>> words = new HashMap<>();
    try (InputStream in = CbvVocabulary.class.getResourceAsStream("cbv-vocabulary.txt")) {
      if (in == null) {
        throw new IllegalStateException("cbv-vocabulary.txt is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split(" ", 2);
        words.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    words.replaceAll((k, v) -> Set.copyOf(v));
    return Map.copyOf(words);
  }
}
