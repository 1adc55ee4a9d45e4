package org.custodia.epcis.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.custodia.epcis.domain.CaptureJob;
import org.custodia.epcis.infrastructure.persistence.JdbcCaptureJobs;
import org.custodia.platform.DomainException;
import org.custodia.platform.Jndi;
import org.custodia.security.Roles;

/**
 * Receives EPCIS capture documents from partners (EPC-1, EPC-2): stages the document in the database and
 * puts a reference to it on the capture queue in the same transaction, so the upload and its processing
 * commit together; the repository's job consumer does the rest. The limits are advertised on OPTIONS and
 * enforced here (size) and by the job (event count).
 */
@Stateless
public class CaptureService {

  /** Message type of a capture job reference on the capture queue. */
  public static final String CAPTURE_JOB = "CaptureJob";

  /** Largest document accepted, in bytes. */
  public static final long MAX_DOCUMENT_BYTES =
      Long.getLong("custodia.epcis.capture.max-bytes", 256L * 1024 * 1024);

  /** Most events accepted in one capture. */
  public static final int MAX_EVENTS = Integer.getInteger("custodia.epcis.capture.max-events", 500_000);

  /** Media types understood, by their base type. */
  public static final List<String> MEDIA_TYPES =
      List.of("application/json", "application/ld+json", "application/xml", "text/xml");

  @Inject JdbcCaptureJobs jobs;

  @Inject
  @JMSConnectionFactory(Jndi.JMS_XA_FACTORY)
  JMSContext jms;

  @Resource(lookup = Jndi.EPCIS_CAPTURE_QUEUE)
  Queue captureQueue;

  @Resource SessionContext session;

  @RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE})
  public CaptureJob receive(InputStream body, String mediaType, String errorBehaviour) {
    String type = baseType(mediaType);
    if (!MEDIA_TYPES.contains(type)) {
      throw new CaptureRefused(DomainException.Kind.INVALID, "unsupported-media-type", "Content-Type", mediaType,
          "capture takes EPCIS documents as " + MEDIA_TYPES + ", not " + mediaType);
    }
    String behaviour = errorBehaviour == null ? "rollback" : errorBehaviour.trim().toLowerCase(Locale.ROOT);
    if (!behaviour.equals("rollback") && !behaviour.equals("proceed")) {
      throw new CaptureRefused(DomainException.Kind.INVALID, "invalid-capture-error-behaviour",
          "GS1-Capture-Error-Behaviour", errorBehaviour, "GS1-Capture-Error-Behaviour must be rollback or proceed");
    }
    java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(body, PROLOG_BYTES);
    if (type.contains("xml")) {
      refuseDtd(buffered);
    }
    BoundedInputStream bounded = new BoundedInputStream(buffered, MAX_DOCUMENT_BYTES);
    CaptureJob job;
    try {
      job = jobs.create("id" + UUID.randomUUID().toString().replace("-", ""), behaviour, type, bounded,
          session.getCallerPrincipal().getName());
    } catch (IOException | RuntimeException e) {
      if (bounded.exceeded()) {
        throw new CaptureRefused(DomainException.Kind.TOO_LARGE, "document-too-large", "body", null,
            "the document is larger than the capture limit of " + MAX_DOCUMENT_BYTES + " bytes");
      }
      throw new IllegalStateException("receiving the capture document failed: " + e.getMessage(), e);
    }
    if (job.documentSize() == 0) {
      throw new CaptureRefused(DomainException.Kind.INVALID, "empty-document", "body", null, "the capture document is empty");
    }
    TextMessage m = jms.createTextMessage(job.captureId());
    try {
      m.setStringProperty(EventCaptureService.TYPE, CAPTURE_JOB);
      m.setStringProperty(EventCaptureService.SOURCE, "capture:" + job.captureId());
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
    jms.createProducer().send(captureQueue, m);
    return job;
  }

  @RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE, Roles.AUDITOR})
  public Optional<CaptureJob> job(String captureId) {
    return jobs.find(captureId);
  }

  @RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE, Roles.AUDITOR})
  public List<CaptureJob> recentJobs(int limit) {
    return jobs.recent(Math.max(1, Math.min(limit, 1000)));
  }

  /** How much of an XML document is looked at for a DTD before it is staged: the prolog. */
  static final int PROLOG_BYTES = 64 * 1024;

  /**
   * Refuses, before anything is stored, an XML document whose prolog declares entities or an internal or
   * external DTD (SEC-3): entity expansion and external entities are the XML attacks on a capture
   * interface. A bare {@code <!DOCTYPE name>} without a subset is harmless and allowed (the XML reader
   * never processes DTDs either way).
   */
  static void refuseDtd(java.io.BufferedInputStream in) {
    try {
      in.mark(PROLOG_BYTES);
      byte[] head = in.readNBytes(PROLOG_BYTES);
      in.reset();
      String prolog = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
      int doctype = prolog.indexOf("<!DOCTYPE");
      if (prolog.contains("<!ENTITY")
          || (doctype >= 0 && prolog.substring(doctype).matches("(?s)<!DOCTYPE[^>]*?(\\[|SYSTEM|PUBLIC).*"))) {
        throw new CaptureRefused(DomainException.Kind.INVALID, "xml-dtd-refused", "body", null,
            "XML documents with entity declarations or a document type definition are refused");
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading the capture document failed: " + e.getMessage(), e);
    }
  }

  static String baseType(String mediaType) {
    if (mediaType == null) {
      return "";
    }
    int semi = mediaType.indexOf(';');
    return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** A refused capture request. */
  public static class CaptureRefused extends DomainException {
    private static final long serialVersionUID = 1L;

    CaptureRefused(Kind kind, String code, String field, Object value, String message) {
      super(kind, code, field, value, message);
    }
  }

  /** Stops reading past the limit, and remembers that it did. */
  static final class BoundedInputStream extends java.io.FilterInputStream {
    private final long max;
    private long count;
    private boolean exceeded;

    BoundedInputStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++count > max) {
        exceeded = true;
        throw new IOException("document larger than " + max + " bytes");
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (count > max) {
          exceeded = true;
          throw new IOException("document larger than " + max + " bytes");
        }
      }
      return n;
    }

    boolean exceeded() {
      return exceeded;
    }
  }
}
