package org.custodia.trace.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.custodia.platform.DomainException;
import org.custodia.platform.Jsonp;
import org.custodia.trace.application.TraceService;
import org.custodia.trace.domain.ContentNode;
import org.custodia.trace.domain.HistoryEntry;
import org.custodia.trace.domain.Trace;
import org.custodia.trace.domain.TracedObject;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * Backs {@code trace.xhtml} (UI-2, RCL-1, RCL-2): an identifier typed, scanned or pasted becomes the
 * object's status card, the chain of its containers, the tree of everything inside it and its timeline of
 * events, each with its details. The screen asks the same service as {@code GET /api/trace/{id}}.
 */
@Named
@ViewScoped
public class TraceView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final JsonWriterFactory PRETTY =
      Jsonp.JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  @Inject TraceService service;

  private String input;
  private Trace trace;
  private TreeNode<TracedObject> contents;
  private int contentCount;

  /** Traces the identifier in the field. */
  public void search() {
    trace = null;
    contents = null;
    contentCount = 0;
    if (input == null || input.isBlank()) {
      message(FacesMessage.SEVERITY_WARN, "Type, scan or paste an identifier to trace.");
      return;
    }
    try {
      trace = service.trace(input);
      ContentNode root = service.contents(input);
      contentCount = root.descendants();
      if (contentCount > 0) {
        contents = new DefaultTreeNode<>(null, null);
        add(root, contents).setExpanded(true);
      }
    } catch (DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Your roles do not allow tracing.");
    }
  }

  /** Traces the identifier the address names ({@code trace.xhtml?id=…}), if any. */
  public void load() {
    if (input != null && !input.isBlank()) {
      search();
    }
  }

  /** Traces one of the objects shown (a container of the chain, a child in the tree). */
  public void open(String epc) {
    input = epc;
    search();
  }

  private static TreeNode<TracedObject> add(ContentNode n, TreeNode<TracedObject> under) {
    TreeNode<TracedObject> t = new DefaultTreeNode<>(n.object(), under);
    for (ContentNode c : n.children()) {
      add(c, t);
    }
    return t;
  }

  /** The event as stored, indented for reading. */
  public String pretty(HistoryEntry e) {
    if (e.document() == null) {
      return "";
    }
    JsonObject o = Jsonp.JSON.createReader(new StringReader(e.document())).readObject();
    StringWriter w = new StringWriter();
    PRETTY.createWriter(w).write(o);
    return w.toString().strip();
  }

  private static void message(FacesMessage.Severity severity, String sentence) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, sentence, null));
  }

  public String getInput() {
    return input;
  }

  public void setInput(String input) {
    this.input = input;
  }

  public Trace getTrace() {
    return trace;
  }

  public TreeNode<TracedObject> getContents() {
    return contents;
  }

  public int getContentCount() {
    return contentCount;
  }

  /** The history, newest first, as the timeline shows it. */
  public List<HistoryEntry> getTimeline() {
    if (trace == null) {
      return List.of();
    }
    List<HistoryEntry> h = new java.util.ArrayList<>(trace.history());
    java.util.Collections.reverse(h);
    return h;
  }
}
