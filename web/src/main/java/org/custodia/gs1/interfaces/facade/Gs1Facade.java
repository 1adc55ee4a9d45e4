package org.custodia.gs1.interfaces.facade;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.ai.Analysis;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;
import org.custodia.gs1.ai.Problem;
import org.custodia.gs1.ai.SyntaxDictionary;
import org.custodia.gs1.dl.DigitalLink;
import org.custodia.gs1.epc.ElementStringEpc;
import org.custodia.masterdata.application.CompanyPrefixes;

/**
 * Reads scanned or typed GS1 data in any of its forms — bracketed, raw with GS separators, with a
 * symbology identifier, or a GS1 Digital Link URI — and describes it for people and programs.
 */
@ApplicationScoped
public class Gs1Facade {

  /** One element with its meaning from the syntax dictionary. */
  public record ElementView(String ai, String value, String title) {}

  /** One problem found. */
  public record ProblemView(String ai, String value, String rule, String message) {}

  /** Everything the code inspector shows. */
  public record AnalysisView(
      boolean valid,
      List<ElementView> elements,
      List<ProblemView> problems,
      String bracketed,
      String digitalLink,
      String epc,
      String barcodeMessage) {}

  @Inject CompanyPrefixes prefixes;

  /** The element string, or a {@link Gs1Exception} for the first problem. */
  public ElementString parse(String input) {
    String in = input == null ? "" : input.strip();
    return isUri(in) ? DigitalLink.parse(in) : ElementStrings.parse(in);
  }

  /** The canonical Digital Link, when the data has a primary key a Digital Link can carry. */
  public Optional<String> digitalLink(ElementString es) {
    try {
      return Optional.of(DigitalLink.format(es));
    } catch (Gs1Exception e) {
      return Optional.empty();
    }
  }

  public AnalysisView analyse(String input) {
    String in = input == null ? "" : input.strip();
    List<ElementView> elements = new ArrayList<>();
    List<ProblemView> problems = new ArrayList<>();
    ElementString es = null;
    if (isUri(in)) {
      try {
        es = DigitalLink.parse(in);
        es.elements().forEach(e -> elements.add(new ElementView(e.ai(), e.value(), title(e.ai()))));
      } catch (Gs1Exception e) {
        problems.add(new ProblemView(e.ai(), e.value(), e.rule(), e.getMessage()));
      }
    } else {
      Analysis a = ElementStrings.analyse(in);
      a.elements().forEach(i -> elements.add(new ElementView(i.element().ai(), i.element().value(), i.title())));
      for (Problem p : a.problems()) {
        problems.add(new ProblemView(p.ai(), p.value(), p.rule(), p.message()));
      }
      if (a.isValid()) {
        es = ElementStrings.parse(in);
      }
    }
    if (es == null) {
      return new AnalysisView(false, elements, problems, null, null, null, null);
    }
    return new AnalysisView(
        problems.isEmpty(),
        elements,
        problems,
        es.toBracketed(),
        digitalLink(es).orElse(null),
        ElementStringEpc.of(es, prefixes::lengthFor).orElse(null),
        es.toUnbracketed());
  }

  private static String title(String ai) {
    return SyntaxDictionary.definition(ai) == null ? null : SyntaxDictionary.definition(ai).title();
  }

  private static boolean isUri(String in) {
    String l = in.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }
}
