package org.custodia.epcis.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.application.EventQueryParameters;
import org.custodia.epcis.application.EventQueryParameters.QueryParameterException;
import org.custodia.epcis.application.EventQueryService;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * Backs {@code events.xhtml}: QA and supply chain staff filter the EPCIS repository, page through
 * the events, and open one to read it as stored (JSON-LD), as partners receive it (EPCIS 2.0 XML),
 * and as the packing hierarchy it describes (EPC-2, UI-2).
 *
 * <p>The filter becomes the standard query parameters of {@code GET /api/epcis/events} and goes
 * through the same parser and query service, so the screen and the API always answer alike;
 * pages follow the service's keyset cursor. A filter value that cannot be asked for is shown with
 * a sentence naming the field and the value, next to the field.
 */
@Named
@ViewScoped
public class EventBrowser implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<Integer> PAGE_SIZES = List.of(5, 10, 25, 50, 100);

  static final List<String> EVENT_TYPES =
      List.of(
          "ObjectEvent",
          "AggregationEvent",
          "TransactionEvent",
          "TransformationEvent",
          "AssociationEvent");

  /** CBV 2.0 business transaction types. */
  static final List<String> BIZ_TRANSACTION_TYPES =
      List.of(
          "po", "poc", "desadv", "inv", "recadv", "bol", "prodorder", "rma", "pedigree", "cert",
          "testprd");

  /** How many parents one hierarchy query names, and how many pages of it are read at most. */
  private static final int PARENTS_PER_QUERY = 100;

  private static final int HIERARCHY_PAGES = 20;

  private static final Map<String, String> PARAMETER_FIELDS =
      Map.of(
          "eventType", "eventType",
          "GE_eventTime", "from",
          "LT_eventTime", "to",
          "EQ_bizStep", "bizStep",
          "EQ_disposition", "disposition",
          "MATCH_anyEPC", "epc",
          "MATCH_anyEPCClass", "epc",
          "EQ_bizLocation", "bizLocation");

  @Inject EventQueryService queries;
  @Inject CompanyPrefixes prefixes;

  private final EventFilter filter = new EventFilter();
  private int pageSize = 10;
  private boolean oldestFirst;

  /** The parameters of the last search that was accepted; paging keeps to them. */
  private LinkedHashMap<String, List<String>> applied = new LinkedHashMap<>();

  /** The token of each page visited so far; the first page has none. */
  private final ArrayList<String> pageTokens = new ArrayList<>();

  private String nextToken;
  private ArrayList<EventRow> rows = new ArrayList<>();

  private EventRow selected;
  private String json;
  private String xml;
  private TreeNode<Hierarchy.Node> hierarchy;

  private transient List<String> bizSteps;
  private transient List<String> dispositions;

  /** Shows the newest events at once. */
  @PostConstruct
  void init() {
    pageTokens.add(null);
    load();
  }

  /** Applies the filter and shows its first page. */
  public void search() {
    EventFilter.Parameters p;
    try {
      p = filter.toParameters(prefixes::lengthFor);
    } catch (EventFilter.InvalidFilterException e) {
      refuse(e.field(), e.getMessage());
      return;
    }
    LinkedHashMap<String, List<String>> before = applied;
    applied = new LinkedHashMap<>(p.values());
    if (!firstPage()) {
      applied = before;
      return;
    }
    p.notes().forEach(EventBrowser::inform);
    close();
  }

  /** Empties the filter and shows the newest events. */
  public void clear() {
    filter.clear();
    applied = new LinkedHashMap<>();
    close();
    firstPage();
  }

  /** The first page of the applied filter, e.g. after the page size changed. */
  public void first() {
    firstPage();
  }

  public void next() {
    if (nextToken != null) {
      pageTokens.add(nextToken);
      if (!load()) {
        pageTokens.remove(pageTokens.size() - 1);
      }
    }
  }

  public void previous() {
    if (pageTokens.size() > 1) {
      String last = pageTokens.remove(pageTokens.size() - 1);
      if (!load()) {
        pageTokens.add(last);
      }
    }
  }

  private boolean firstPage() {
    List<String> visited = new ArrayList<>(pageTokens);
    pageTokens.clear();
    pageTokens.add(null);
    if (!load()) {
      pageTokens.clear();
      pageTokens.addAll(visited);
      return false;
    }
    return true;
  }

  /** Reads the page of the last token; false (with a message) when the query was refused. */
  private boolean load() {
    Map<String, List<String>> params = new LinkedHashMap<>(applied);
    params.put("perPage", List.of(String.valueOf(pageSize)));
    params.put("orderBy", List.of("eventTime"));
    params.put("orderDirection", List.of(oldestFirst ? "ASC" : "DESC"));
    String token = pageTokens.get(pageTokens.size() - 1);
    if (token != null) {
      params.put("nextPageToken", List.of(token));
    }
    try {
      EventQueryService.Page page = queries.query(EventQueryParameters.parse(params));
      rows = new ArrayList<>(page.events().stream().map(EventRow::of).toList());
      nextToken = page.next() == null ? null : EventQueryParameters.token(page.next());
      return true;
    } catch (QueryParameterException e) {
      String field = PARAMETER_FIELDS.get(e.field());
      String label = field == null ? e.field() : EventFilter.LABELS.get(field);
      refuse(field, label + ": \"" + e.value() + "\" cannot be asked for: " + e.getMessage() + ".");
      return false;
    } catch (EJBAccessException e) {
      refuse(null, "Your roles do not allow reading EPCIS events.");
      return false;
    }
  }

  /** Opens an event of the table: its JSON-LD, its XML and, when it names a parent, the tree. */
  public void show(String eventId) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("EQ_eventID", List.of(eventId));
    List<JsonObject> found = queries.query(EventQueryParameters.parse(params)).events();
    if (found.isEmpty()) {
      refuse(null, "Event " + eventId + " is no longer stored.");
      return;
    }
    JsonObject event = found.get(0);
    selected = EventRow.of(event);
    json = EventDocuments.json(event);
    xml = EventDocuments.xml(event);
    Hierarchy.Node root = Hierarchy.of(event, this::aggregationsBefore);
    hierarchy = root == null ? null : tree(root);
  }

  /** Closes the open event. */
  public void close() {
    selected = null;
    json = null;
    xml = null;
    hierarchy = null;
  }

  /** The aggregations naming {@code parents} as parent before {@code eventTime}, oldest first. */
  private List<JsonObject> aggregationsBefore(List<String> parents, String eventTime) {
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < parents.size(); i += PARENTS_PER_QUERY) {
      List<String> chunk = parents.subList(i, Math.min(parents.size(), i + PARENTS_PER_QUERY));
      String token = null;
      int pages = 0;
      do {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("eventType", List.of("AggregationEvent"));
        params.put("MATCH_parentID", chunk);
        params.put("LT_eventTime", List.of(eventTime));
        params.put("orderBy", List.of("eventTime"));
        params.put("orderDirection", List.of("ASC"));
        params.put("perPage", List.of("1000"));
        if (token != null) {
          params.put("nextPageToken", List.of(token));
        }
        EventQueryService.Page page = queries.query(EventQueryParameters.parse(params));
        out.addAll(page.events());
        token = page.next() == null ? null : EventQueryParameters.token(page.next());
      } while (token != null && ++pages < HIERARCHY_PAGES);
    }
    return out;
  }

  private static TreeNode<Hierarchy.Node> tree(Hierarchy.Node root) {
    TreeNode<Hierarchy.Node> top = new DefaultTreeNode<>(null, null);
    TreeNode<Hierarchy.Node> parent = add(root, top);
    parent.setExpanded(true);
    return top;
  }

  private static TreeNode<Hierarchy.Node> add(Hierarchy.Node n, TreeNode<Hierarchy.Node> under) {
    TreeNode<Hierarchy.Node> t = new DefaultTreeNode<>(n, under);
    n.children().forEach(c -> add(c, t));
    return t;
  }

  private static void inform(String sentence) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, sentence, null));
  }

  /** Shows the refusal and marks the field it names, so the field is announced as the one to fix. */
  private static void refuse(String field, String sentence) {
    FacesContext ctx = FacesContext.getCurrentInstance();
    String clientId = null;
    if (field != null) {
      UIComponent c = ctx.getViewRoot().findComponent(":filter:" + field);
      if (c instanceof UIInput input) {
        input.setValid(false);
        clientId = input.getClientId(ctx);
      }
    }
    ctx.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, null));
    ctx.validationFailed();
  }

  public EventFilter getFilter() {
    return filter;
  }

  public List<EventRow> getRows() {
    return rows;
  }

  /** The number of the page shown, from 1. */
  public int getPage() {
    return pageTokens.size();
  }

  public boolean isHasNext() {
    return nextToken != null;
  }

  public boolean isHasPrevious() {
    return pageTokens.size() > 1;
  }

  public int getPageSize() {
    return pageSize;
  }

  public void setPageSize(int pageSize) {
    this.pageSize = PAGE_SIZES.contains(pageSize) ? pageSize : 10;
  }

  public List<Integer> getPageSizes() {
    return PAGE_SIZES;
  }

  public boolean isOldestFirst() {
    return oldestFirst;
  }

  public void setOldestFirst(boolean oldestFirst) {
    this.oldestFirst = oldestFirst;
  }

  public List<String> getEventTypes() {
    return EVENT_TYPES;
  }

  public List<String> getBizTransactionTypes() {
    return BIZ_TRANSACTION_TYPES;
  }

  /** The business steps in the repository, offered as the field is typed. */
  public List<String> getBizSteps() {
    if (bizSteps == null) {
      bizSteps = queries.browse("bizSteps", 200);
    }
    return bizSteps;
  }

  /** The dispositions in the repository, offered as the field is typed. */
  public List<String> getDispositions() {
    if (dispositions == null) {
      dispositions = queries.browse("dispositions", 200);
    }
    return dispositions;
  }

  public EventRow getSelected() {
    return selected;
  }

  public String getJson() {
    return json;
  }

  public String getXml() {
    return xml;
  }

  /** The packing tree of the open event (an invisible root holding its parent), or null. */
  public TreeNode<Hierarchy.Node> getHierarchy() {
    return hierarchy;
  }
}
