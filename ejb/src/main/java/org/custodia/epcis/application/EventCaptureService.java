package org.custodia.epcis.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.domain.AggregationEvent;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.domain.TransactionEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.Jndi;
import org.custodia.platform.PerTransaction;

/**
 * The single entrance to the repository for events made inside Custodia: puts them on the capture queue
 * in the caller's transaction (XA with the caller's database work), so a feature's state change and its
 * event commit together or not at all (DESIGN.md "Flow").
 */
@PermitAll
@Stateless
public class EventCaptureService {

  /** Message property: what the payload is. */
  public static final String TYPE = "type";

  /** Message property: version of the payload format. */
  public static final String SCHEMA_VERSION = "schemaVersion";

  /** Message property: who captured the document. */
  public static final String SOURCE = "source";

  /** The source of commissioning documents (serialization, for the line and REST alike). */
  public static final String COMMISSIONING_SOURCE = "serialization";

  /** JMS message group property: Artemis gives a group's messages to one consumer, in order. */
  static final String GROUP = "JMSXGroupID";

  /**
   * The group of every internal document but the commissionings. The capture queue has several consumers,
   * and the current-state projection applies containment in the order documents are stored: packing,
   * shipping, receiving, unpacking and re-packing of one object, sent by transactions one after the other,
   * must be stored in that order, or a child could end in the wrong container or miss its container's
   * shipment. Commissionings (the bulk, from the lines) stay spread over all consumers: they only create
   * objects, and the projection lets an older event fill in an object a newer one created first.
   */
  static final String ORDERED_GROUP = "custodia-handoffs";

  @Resource(lookup = Jndi.JMS_XA_FACTORY)
  ConnectionFactory factory;

  @Resource(lookup = Jndi.EPCIS_CAPTURE_QUEUE)
  Queue captureQueue;

  @Resource TransactionSynchronizationRegistry registry;

  /** The key of the transaction's events waiting for its end, in the registry's resources. */
  private static final Object PENDING = new Object();

  /** Sends ObjectEvents as one EPCIS document (with the transaction's other ObjectEvents of {@code source}). */
  public void capture(List<ObjectEvent> events, String source) {
    Map<String, Batch> pending = pending();
    if (pending == null) {
      send(EpcisJson.document(events, OffsetDateTime.now(ZoneOffset.UTC)), source);
    } else {
      pending.computeIfAbsent("O" + source, k -> new Batch(source)).objects.addAll(events);
    }
  }

  /** Sends AggregationEvents as one EPCIS document (with the transaction's other AggregationEvents of {@code source}). */
  public void captureAggregations(List<AggregationEvent> events, String source) {
    Map<String, Batch> pending = pending();
    if (pending == null) {
      send(EpcisJson.aggregationDocument(events, OffsetDateTime.now(ZoneOffset.UTC)), source);
    } else {
      pending.computeIfAbsent("A" + source, k -> new Batch(source)).aggregations.addAll(events);
    }
  }

  /** Sends TransactionEvents as one EPCIS document (with the transaction's other TransactionEvents of {@code source}). */
  public void captureTransactions(List<TransactionEvent> events, String source) {
    Map<String, Batch> pending = pending();
    if (pending == null) {
      send(EpcisJson.transactionDocument(events, OffsetDateTime.now(ZoneOffset.UTC)), source);
    } else {
      pending.computeIfAbsent("T" + source, k -> new Batch(source)).transactions.addAll(events);
    }
  }

  /** Events of one source and kind, collected in a transaction. */
  private static final class Batch {
    final String source;
    final List<ObjectEvent> objects = new ArrayList<>();
    final List<AggregationEvent> aggregations = new ArrayList<>();
    final List<TransactionEvent> transactions = new ArrayList<>();

    Batch(String source) {
      this.source = source;
    }
  }

  /**
   * The transaction's batches, in the order their first events came (null without a transaction). A
   * transaction that commissions many units (a packaging line's bean handling the reads that queued up
   * meanwhile) sends one document per source and kind, just before it commits, in the same transaction —
   * one message for the capture queue's consumer to store in one transaction, instead of one each.
   */
  private Map<String, Batch> pending() {
    int status = registry.getTransactionStatus();
    if (status == Status.STATUS_NO_TRANSACTION) {
      return null;
    }
    Map<String, Batch> pending =
        PerTransaction.collection(registry, PENDING, LinkedHashMap::new, this::sendAll, batches -> { });
    // null: marked for rollback (or ending), so nothing of it will be sent
    return pending == null ? new LinkedHashMap<>() : pending;
  }

  private void sendAll(Map<String, Batch> batches) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (Batch b : batches.values()) {
      send(!b.objects.isEmpty() ? EpcisJson.document(b.objects, now)
          : !b.transactions.isEmpty() ? EpcisJson.transactionDocument(b.transactions, now)
          : EpcisJson.aggregationDocument(b.aggregations, now), b.source);
    }
  }

  private void send(String document, String source) {
    try (JMSContext jms = factory.createContext()) {
      TextMessage message = jms.createTextMessage(document);
      try {
        message.setStringProperty(TYPE, "EPCISDocument");
        message.setStringProperty(SCHEMA_VERSION, "2.0");
        message.setStringProperty(SOURCE, source);
        if (!COMMISSIONING_SOURCE.equals(source)) {
          message.setStringProperty(GROUP, ORDERED_GROUP);
        }
      } catch (jakarta.jms.JMSException e) {
        throw new IllegalStateException("cannot set message properties", e);
      }
      jms.createProducer().send(captureQueue, message);
    }
  }
}
