package org.custodia.gs1.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.interfaces.facade.Gs1Facade;
import org.custodia.gs1.interfaces.facade.Gs1Facade.AnalysisView;
import org.custodia.gs1.interfaces.facade.Gs1Facade.ProblemView;
import org.custodia.label.BarcodeDecoder;
import org.custodia.label.interfaces.rest.LabelFacade;
import org.custodia.platform.interfaces.rest.InvalidFieldException;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs {@code inspector.xhtml}: says what a scanned, typed or photographed GS1 code holds and
 * every rule it breaks (ID-2, LBL-2), so that someone at a packaging line or in goods receipt can
 * find out why a code is refused without reading the API.
 *
 * <p>The GS (FNC1) separator is a control character that browsers, keyboard-wedge scanners and copy
 * and paste often lose, so the field also takes visible stand-ins for it ({@code <GS>}, {@code
 * {GS}}, {@code \x1d}); the analysis itself is the {@link Gs1Facade}'s, the same the REST API
 * gives.
 */
@Named
@ViewScoped
public class CodeInspector implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The ASCII group separator that ends a variable-length element. */
  static final char GS = '\u001d';

  /** How GS is shown in the field, and the first of the stand-ins typed for it. */
  static final String GS_SHOWN = "<GS>";

  private static final Pattern GS_STAND_IN =
      Pattern.compile("<GS>|\\{GS\\}|\\\\x1d|\\\\u001d", Pattern.CASE_INSENSITIVE);

  @Inject Gs1Facade gs1;
  @Inject LabelFacade labels;

  private String input;
  private String analysed;
  private String source;
  private transient AnalysisView result;

  /** Analyses the field as typed or scanned. */
  public void inspect() {
    analysed = withGs(input);
    source = null;
    result = null;
  }

  /** Reads the code in an uploaded photo, puts its data in the field and analyses it. */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    try {
      BarcodeDecoder.Decoded d = labels.decode(file.getContent());
      analysed = d.symbologyIdentifier() + d.gs1Message();
      input = shown(analysed);
      source =
          "Read from "
              + file.getFileName()
              + ": a "
              + d.symbology()
              + " code ("
              + d.symbologyIdentifier()
              + ").";
      result = null;
    } catch (InvalidFieldException e) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR, file.getFileName() + ": " + e.getMessage(), null));
    }
  }

  /** The analysis of the last input, or null before the first. */
  public AnalysisView getResult() {
    if (result == null && analysed != null && !analysed.isBlank()) {
      try {
        result = gs1.analyse(analysed);
      } catch (Gs1Exception e) {
        result =
            new AnalysisView(
                false,
                List.of(),
                List.of(new ProblemView(e.ai(), e.value(), e.rule(), e.getMessage())),
                null,
                null,
                null,
                null);
      }
    }
    return result;
  }

  /** The GS1 DataMatrix of the data, from the label API, or null when the data is not valid. */
  public String getImageUrl() {
    AnalysisView r = getResult();
    if (r == null || !r.valid() || r.bracketed() == null) {
      return null;
    }
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/api/labels?symbology=DATA_MATRIX&format=png&module=4&data="
        + URLEncoder.encode(r.bracketed(), StandardCharsets.UTF_8);
  }

  /** {@code s} with every GS shown as {@value #GS_SHOWN}, for display. */
  public String shown(String s) {
    return s == null ? null : s.replace(String.valueOf(GS), GS_SHOWN);
  }

  /** {@code s} with every stand-in for GS replaced by the GS character. */
  public static String withGs(String s) {
    return s == null
        ? null
        : GS_STAND_IN.matcher(s).replaceAll(Matcher.quoteReplacement(String.valueOf(GS)));
  }

  public String getInput() {
    return input;
  }

  public void setInput(String input) {
    this.input = input;
  }

  /** Where the data came from when it was not typed, e.g. the photo's name and the symbology. */
  public String getSource() {
    return source;
  }
}
