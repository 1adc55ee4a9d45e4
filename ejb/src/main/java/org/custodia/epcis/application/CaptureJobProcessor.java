package org.custodia.epcis.application;

import org.custodia.platform.Jsonp;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.transform.stream.StreamSource;
import org.custodia.epcis.domain.CaptureError;
import org.custodia.epcis.domain.CaptureJob;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.json.CbvTerms;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.json.EpcisJsonStream;
import org.custodia.epcis.infrastructure.hash.EventHash;
import org.custodia.epcis.infrastructure.persistence.JdbcCaptureJobs;
import org.custodia.epcis.infrastructure.validation.EpcisJsonSchema;
import org.custodia.epcis.infrastructure.validation.SemanticValidator;
import org.custodia.epcis.infrastructure.validation.Violation;
import org.custodia.epcis.infrastructure.xml.DocumentHeader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlException;
import org.custodia.epcis.infrastructure.xml.EpcisXmlReader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlVersion;
import org.custodia.epcis.infrastructure.xml.EpcisXsd;
import org.custodia.epcis.infrastructure.xml.EventSink;

/**
 * Processes one capture job. The staged document is copied to a temporary file and read as a stream,
 * twice: first every event is checked against the GS1 JSON schema and the rules it misses (nothing is
 * stored while a {@code rollback} job has errors), then
 * the events are stored in batches, each batch in its own transaction. Storing skips events whose eventID
 * is already stored, so a job that is redelivered after a crash finishes without doubles; a {@code
 * rollback} job that fails while storing removes the events it stored.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CaptureJobProcessor {

  private static final Logger LOG = Logger.getLogger(CaptureJobProcessor.class.getName());
  private static final int BATCH = 500;
  private static final int MAX_REPORTED_ERRORS = 200;
  private static final EpcisJsonSchema SCHEMA = new EpcisJsonSchema();

  @Resource ManagedExecutorService executor;
  @Inject JdbcCaptureJobs jobs;
  @Inject CaptureBatchWriter writer;

  public void process(String captureId) {
    CaptureJob job = jobs.find(captureId).orElse(null);
    if (job == null || job.status() == CaptureJob.Status.DONE) {
      return;
    }
    jobs.markRunning(job.id());
    Path file = null;
    try {
      file = Files.createTempFile("custodia-capture-", ".epcis");
      jobs.copyDocument(job.id(), file);
      run(job, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Could not delete {0}", file);
        }
      }
    }
  }

  private void run(CaptureJob job, Path file) throws IOException {
    List<CaptureError> errors = new ArrayList<>();
    BitSet invalid = new BitSet();
    int[] count = {0};
    // pass 1: read and check every event against the GS1 schema and the rules the schema misses;
    // nothing is stored yet
    Map<String, String> namespaces;
    java.util.concurrent.Future<?> xsd = null;
    try (InputStream in = Files.newInputStream(file)) {
      if (isXml(job)) {
        DocumentHeader xml = xmlHeaderOnly(in);
        namespaces = xml.namespaces();
        // for XML the GS1 XSD is the schema (the JSON schema misses e.g. persistentDisposition on
        // aggregation events, which EPCIS 2.0 and its XSD allow); it reads the file on its own thread
        // while pass 1 reads it here
        EpcisXmlVersion version = xml.version();
        xsd = executor.submit(() -> validateXsd(file, version));
      } else {
        namespaces = EpcisJsonStream.header(in).namespaces();
      }
    } catch (IllegalArgumentException e) {
      errors.add(new CaptureError(-1, null, null, "unreadable-document", e.getMessage()));
      jobs.finish(job.id(), false, 0, 0, 0, errors);
      return;
    }
    Checks checks = new Checks(isXml(job), namespaces);
    try (InputStream in = Files.newInputStream(file)) {
      EpcisJsonStream.Header header =
          readEvents(job, in, (index, event) -> {
            count[0]++;
            checks.add(index, event);
          });
      checks.finish();
      awaitSchema(xsd);
      checkHeader(header, errors);
    } catch (IllegalArgumentException e) {
      checks.cancel();
      if (xsd != null) {
        xsd.cancel(true);
      }
      errors.add(0, new CaptureError(-1, null, null, "unreadable-document", e.getMessage()));
      jobs.finish(job.id(), false, count[0], 0, 0, errors);
      return;
    }
    // the document-level errors checkHeader put first, then the events' in document order
    checks.errors.forEach(e -> report(errors, e));
    invalid.or(checks.invalid);
    if (count[0] > CaptureService.MAX_EVENTS) {
      errors.add(0, new CaptureError(-1, null, null, "capture-limit",
          "the document holds " + count[0] + " events; the capture limit is " + CaptureService.MAX_EVENTS));
      jobs.finish(job.id(), false, count[0], 0, 0, errors);
      return;
    }
    boolean rollback = job.errorBehaviour().equals("rollback");
    if (rollback && !errors.isEmpty()) {
      jobs.finish(job.id(), false, count[0], 0, 0, errors);
      return;
    }
    // pass 2: store the events that passed, in batches
    int[] stored = {0};
    int[] known = {0};
    List<StoredEvent> batch = new ArrayList<>(BATCH);
    Writes writes = new Writes("capture:" + job.captureId(), job.id(), stored, known);
    try (InputStream in = Files.newInputStream(file)) {
      readEvents(job, in, (index, event) -> {
        if (invalid.get(index)) {
          return;
        }
        batch.add(EpcisJson.toStored(withContext(withEventId(event, namespaces), namespaces), index));
        if (batch.size() == BATCH) {
          writes.submit(batch);
        }
      });
      writes.submit(batch);
      writes.finish();
    } catch (RuntimeException e) {
      writes.await();
      LOG.log(Level.SEVERE, "Capture job " + job.captureId() + " failed while storing", e);
      errors.add(new CaptureError(-1, null, null, "storage-failed", "storing the events failed: " + e.getMessage()));
      if (rollback) {
        jobs.deleteEventsOf(job.id());
        stored[0] = 0;
      }
      jobs.finish(job.id(), false, count[0], stored[0], known[0], errors);
      return;
    }
    jobs.finish(job.id(), errors.isEmpty(), count[0], stored[0], known[0], errors);
  }

  /**
   * The per-event checks of pass 1 — the GS1 JSON schema (JSON input; XML input was checked against the
   * XSD as a whole) and the rules the schemas miss — run on the container's managed executor in chunks
   * while the reader goes on, at most {@link #IN_FLIGHT} chunks ahead, so memory stays bounded; results
   * are merged in document order. The checks are pure functions of the event and the namespaces.
   */
  private final class Checks {
    private static final int CHUNK = 256;
    private static final int IN_FLIGHT = 4;

    private final boolean xml;
    private final Map<String, String> namespaces;
    private final java.util.ArrayDeque<java.util.concurrent.Future<List<CaptureError>>> running =
        new java.util.ArrayDeque<>();
    private List<Object[]> chunk = new ArrayList<>(CHUNK);
    final List<CaptureError> errors = new ArrayList<>();
    final BitSet invalid = new BitSet();

    Checks(boolean xml, Map<String, String> namespaces) {
      this.xml = xml;
      this.namespaces = namespaces;
    }

    void add(int index, JsonObject event) {
      chunk.add(new Object[] {index, event});
      if (chunk.size() == CHUNK) {
        submit();
      }
    }

    private void submit() {
      List<Object[]> work = chunk;
      chunk = new ArrayList<>(CHUNK);
      running.add(executor.submit(() -> check(work)));
      while (running.size() > IN_FLIGHT) {
        collect(running.poll());
      }
    }

    void finish() {
      if (!chunk.isEmpty()) {
        submit();
      }
      while (!running.isEmpty()) {
        collect(running.poll());
      }
    }

    void cancel() {
      running.forEach(f -> f.cancel(true));
      running.clear();
    }

    private void collect(java.util.concurrent.Future<List<CaptureError>> f) {
      try {
        for (CaptureError e : f.get()) {
          invalid.set(e.eventIndex());
          if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(e);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("capture checks interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("capture checks failed: " + e.getCause(), e.getCause());
      }
    }

    private List<CaptureError> check(List<Object[]> work) {
      List<CaptureError> out = new ArrayList<>();
      for (Object[] w : work) {
        int index = (Integer) w[0];
        JsonObject event = (JsonObject) w[1];
        // CBV 1.x URN spellings (urn:epcglobal:cbv:...) are unambiguous: accepted in JSON-LD too, checked
        // in their JSON-LD form, and stored as sent
        List<Violation> violations =
            xml ? new ArrayList<>() : new ArrayList<>(SCHEMA.validateEvent(CbvTerms.compact(event).toString(), index));
        if (violations.isEmpty()) {
          violations.addAll(SemanticValidator.validate(event, index, namespaces));
        }
        violations.forEach(v -> out.add(new CaptureError(index, v.eventId(), v.path(), v.rule().code(), v.message())));
      }
      return out;
    }
  }

  /** Waits for the XSD validation of an XML document; its refusal is the document's. */
  private static void awaitSchema(java.util.concurrent.Future<?> xsd) {
    if (xsd == null) {
      return;
    }
    try {
      xsd.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("XSD validation interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        throw refused;
      }
      throw new IllegalStateException("XSD validation failed: " + e.getCause(), e.getCause());
    }
  }

  /** The event as captured, with its GS1 event hash ID as eventID when the sender gave none (EPC-3). */
  static JsonObject withEventId(JsonObject event, Map<String, String> namespaces) {
    if (event.get("eventID") instanceof JsonString) {
      return event;
    }
    return Jsonp.JSON.createObjectBuilder(event).add("eventID", EventHash.of(event, namespaces)).build();
  }

  /**
   * The event with the document's namespace prefixes as its own {@code @context}, so a stored event keeps
   * the meaning of its extension keys when it is exported alone (JSON-LD allows a context on any node).
   */
  static JsonObject withContext(JsonObject event, Map<String, String> namespaces) {
    if (namespaces.isEmpty()) {
      return event;
    }
    jakarta.json.JsonObjectBuilder context = Jsonp.JSON.createObjectBuilder();
    namespaces.forEach(context::add);
    if (event.get("@context") instanceof JsonObject own) {
      own.forEach(context::add);
    }
    return Jsonp.JSON.createObjectBuilder(event).add("@context", context).build();
  }

  /**
   * Pass 2's writes: each batch is stored in its own transaction on the managed executor while the reader
   * prepares the next one (hash IDs, index values), one batch in flight, so batches commit in document
   * order and a failure stops the job at the batch that failed.
   */
  private final class Writes {
    private final String source;
    private final long jobId;
    private final int[] stored;
    private final int[] known;
    private java.util.concurrent.Future<Integer> pending;
    private int pendingSize;

    Writes(String source, long jobId, int[] stored, int[] known) {
      this.source = source;
      this.jobId = jobId;
      this.stored = stored;
      this.known = known;
    }

    void submit(List<StoredEvent> batch) {
      if (batch.isEmpty()) {
        return;
      }
      List<StoredEvent> work = List.copyOf(batch);
      batch.clear();
      collect();
      pending = executor.submit(() -> writer.store(work, source, jobId));
      pendingSize = work.size();
    }

    /** Waits for the last batch; its failure is the job's. */
    void finish() {
      collect();
    }

    /** Waits for the batch in flight after a failure elsewhere, so nothing is written after the rollback. */
    void await() {
      try {
        collect();
      } catch (RuntimeException ignored) {
        // the caller is already handling a failure; this batch's own is in the log of the writer
      }
    }

    private void collect() {
      if (pending == null) {
        return;
      }
      java.util.concurrent.Future<Integer> f = pending;
      pending = null;
      try {
        int fresh = f.get();
        stored[0] += fresh;
        known[0] += pendingSize - fresh;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("capture interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
  }

  /** Thrown from the header callback to stop reading: the header is all that is wanted. */
  private static final class HeaderRead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeaderRead() {
      super(null, null, false, false);
    }
  }

  /** The header of an XML document, read only as far as the start of its body. */
  private static DocumentHeader xmlHeaderOnly(InputStream in) {
    DocumentHeader[] h = new DocumentHeader[1];
    try {
      readXml(in, header -> {
        h[0] = header;
        throw new HeaderRead();
      }, (i, e) -> { });
    } catch (HeaderRead done) {
      return h[0];
    }
    throw new IllegalArgumentException("the XML document has no EPCISBody");
  }

  /**
   * Streams the events of the staged document, EPCIS 2.0 JSON-LD or EPCIS 2.0/1.2 XML (read into the same
   * JSON-LD form); refusals of the document as a whole come as {@link IllegalArgumentException}.
   */
  private static EpcisJsonStream.Header readEvents(CaptureJob job, InputStream in, EpcisJsonStream.EventVisitor v) {
    if (isXml(job)) {
      DocumentHeader[] h = new DocumentHeader[1];
      readXml(in, header -> h[0] = header, (index, event) -> v.accept(index, CbvTerms.compact(event)));
      return xmlHeader(h[0]);
    }
    return EpcisJsonStream.events(in, v);
  }

  private static void readXml(InputStream in, java.util.function.Consumer<DocumentHeader> onHeader, EventSink sink) {
    try {
      new EpcisXmlReader().read(in, onHeader, sink);
    } catch (EpcisXmlException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static EpcisJsonStream.Header xmlHeader(DocumentHeader h) {
    if (h == null) {
      throw new IllegalArgumentException("the XML document has no EPCISBody");
    }
    return new EpcisJsonStream.Header("EPCISDocument", h.schemaVersion(), h.creationDate(), h.namespaces());
  }

  private static void validateXsd(Path file, EpcisXmlVersion version) {
    try {
      EpcisXsd.validate(new StreamSource(file.toFile()), version);
    } catch (EpcisXmlException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static boolean isXml(CaptureJob job) {
    return job.mediaType().contains("xml");
  }

  private static void checkHeader(EpcisJsonStream.Header header, List<CaptureError> errors) {
    if (!"EPCISDocument".equals(header.type()) && !"EPCISQueryDocument".equals(header.type())) {
      errors.add(0, new CaptureError(-1, null, "type", "document-type",
          "a capture document must be an EPCISDocument or EPCISQueryDocument, not " + header.type()));
    }
    if (header.schemaVersion() != null && !header.schemaVersion().matches("2(\\..*)?|1\\.2(\\..*)?")) {
      errors.add(0, new CaptureError(-1, null, "schemaVersion", "schema-version",
          "capture takes EPCIS 2.0 (JSON-LD or XML) and EPCIS 1.2 (XML), not schemaVersion " + header.schemaVersion()));
    }
  }

  private static void report(List<CaptureError> errors, CaptureError e) {
    if (errors.size() < MAX_REPORTED_ERRORS) {
      errors.add(e);
    }
  }

}
