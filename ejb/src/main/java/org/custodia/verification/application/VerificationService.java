package org.custodia.verification.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.custodia.epcis.application.ObjectStateLookup;
import org.custodia.epcis.domain.ObjectState;
import org.custodia.exceptions.application.SupplyExceptionService;
import org.custodia.exceptions.domain.Involved;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgtin;
import org.custodia.lifecycle.application.PackStatusLookup;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.domain.TradingPartner.VerifyPermission;
import org.custodia.masterdata.infrastructure.persistence.JdbcTradingPartners;
import org.custodia.verification.domain.Anomaly;
import org.custodia.verification.domain.AnomalyRules;
import org.custodia.verification.domain.Channel;
import org.custodia.verification.domain.KnownUnit;
import org.custodia.verification.domain.Verdict;
import org.custodia.verification.domain.VerificationRecord;
import org.custodia.verification.domain.VerificationRequest;
import org.custodia.verification.infrastructure.persistence.JdbcVerificationLog;

/**
 * Verifies product identifiers (VER-1, VER-2) and raises the anomalies of VER-3 as supply-chain
 * exceptions.
 *
 * <p><b>Source of truth:</b> the EPCIS repository's current-state projection ({@code object_state}) is
 * authoritative, not the serialization feature's {@code commissioned_unit} table. Every unit's life runs
 * through EPCIS events (commissioning here, and decommissioning, recall, shipping, units captured from
 * partners), so the projection alone knows whether a unit is active, decommissioned or recalled, and
 * its lot and expiry come from the commissioning event's ILMD. The price is the capture queue's latency:
 * a unit verified within milliseconds of its commissioning is not yet known. The unit is looked up by
 * its EPC URI (when the company prefix is known) and its GS1 Digital Link, the two forms an EPC of the
 * repository takes. The pack and batch states of LIFE-2 ({@link PackStatusLookup}) are read in the same
 * request and take precedence: a pack decommissioned (dispensed, sampled, locked, exported…) is answered
 * decommissioned with its state as status, a pack of a recalled or withdrawn batch recalled (status {@code
 * recalled} or {@code withdrawn}), without waiting for the capture queue.
 *
 * <p>Each verification is logged (table {@code verification_log}) and judged by {@link AnomalyRules} in
 * the same transaction, whose settings are the system properties {@code
 * custodia.verification.conflict-window} (ISO-8601 duration, default PT1H), {@code
 * custodia.verification.failure-window} (default PT1H) and {@code custodia.verification.failure-threshold}
 * (default 5).
 */
@Stateless
@PermitAll
public class VerificationService {

  @Inject ObjectStateLookup states;
  @Inject PackStatusLookup packStates;
  @Inject CompanyPrefixes prefixes;
  @Inject MasterDataService masterData;
  @Inject JdbcVerificationLog log;
  @Inject SupplyExceptionService exceptions;
  @Inject JdbcTradingPartners partners;
  @Resource SessionContext session;

  /** The allow-list's answer and, when permitted, the verification's result. */
  public record VrsAnswer(VerifyPermission permission, VerificationResult result) implements Serializable {}

  /**
   * A requester's question to the responder, with the user who asked ({@code verification_log.requested_by}):
   * the questions of several callers are answered in one call ({@link #answerAll}), by one of them.
   */
  public record VrsQuestion(VerificationRequest request, Gln requester, String corrUuid, String context,
      String requestedBy) implements Serializable {}

  /**
   * The responder's answers (VER-2) to several questions in one transaction, in their order: for each, the
   * allow-list's answer for its requester and, when it is permitted, the verification (else null). One call
   * for the questions of concurrent callers ({@link VerificationBatches}): at a sustained load a
   * transaction per question costs more in interceptors and commits than the verification itself. All or
   * none of their verifications are logged.
   */
  public List<VrsAnswer> answerAll(List<VrsQuestion> questions) {
    List<VrsAnswer> answers = new ArrayList<>(questions.size());
    // the allow-list read once per requester of the call: one transaction, so the same answer each time
    Map<Gln, VerifyPermission> permissions = new HashMap<>();
    for (VrsQuestion q : questions) {
      VerifyPermission permission = permissions.computeIfAbsent(q.requester(), partners::verifyPermission);
      answers.add(new VrsAnswer(permission, permission == VerifyPermission.PERMITTED
          ? verify(q.request(), Channel.VRS, q.requester(), q.corrUuid(), q.context(), q.requestedBy()) : null));
    }
    return answers;
  }

  /**
   * Verifies one product identifier.
   *
   * @param request GTIN, serial, and the lot and expiry presented
   * @param channel who asks: a partner through the responder, or one of our users
   * @param requester the requester's GLN (VRS), or null
   * @param corrUuid the requester's correlation id, or null
   * @param context the requester's context, e.g. {@code dscsaSaleableReturn}, or null
   */
  public VerificationResult verify(
      VerificationRequest request, Channel channel, Gln requester, String corrUuid, String context) {
    return verify(request, channel, requester, corrUuid, context, session.getCallerPrincipal().getName());
  }

  private VerificationResult verify(VerificationRequest request, Channel channel, Gln requester, String corrUuid,
      String context, String requestedBy) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    KnownUnit unit = states.firstKnown(epcsOf(request)).map(s -> known(request, s)).orElse(null);
    boolean gtinKnown = unit != null || companyPrefixLength(request).isPresent()
        || masterData.product(request.gtin()).isPresent();
    Verdict verdict = Verdict.decide(request, unit, gtinKnown, now.toLocalDate());

    String gln = requester == null ? null : requester.value();
    VerificationRecord record = new VerificationRecord(now, request.gtin().value(), request.serial().value(), gln,
        verdict.verified(), verdict.reason());
    AnomalyRules rules = rules();
    // of the unit's past, the conflict rule needs the first verification within its window by another requester
    List<VerificationRecord> earlier = gln == null ? List.of()
        : log.firstByAnotherRequester(record.gtin(), record.serial(), gln, now.minus(rules.conflictWindow()))
            .stream().toList();
    log.append(record, new JdbcVerificationLog.Extra(channel, request.lot() == null ? null : request.lot().value(),
        request.expiry() == null ? null : request.expiry().value(), requestedBy, corrUuid, context));
    // counted up to the threshold plus one: the rule asks only whether the count is the threshold
    int failures = gln == null || verdict.verified()
        ? 0 : log.failuresOf(gln, now.minus(rules.failureWindow()), rules.failureThreshold() + 1);

    List<Long> raised = new ArrayList<>();
    for (Anomaly a : rules.judge(record, earlier, failures)) {
      raised.add(exceptions.raise(a.type(), a.severity(), new Involved(record.gtin(), record.serial(),
          request.lot() == null ? null : request.lot().value(), verdict.epc(), gln), a.detail()));
    }
    return new VerificationResult(verdict, now, raised);
  }

  private List<String> epcsOf(VerificationRequest request) {
    Sgtin sgtin = new Sgtin(request.gtin(), request.serial());
    OptionalInt cp = companyPrefixLength(request);
    return cp.isPresent() ? List.of(sgtin.toEpcUri(cp.getAsInt()), sgtin.toDigitalLink()) : List.of(sgtin.toDigitalLink());
  }

  private OptionalInt companyPrefixLength(VerificationRequest request) {
    return prefixes.lengthFor(request.gtin().value().substring(1));
  }

  /** The unit with the status its pack and batch states give it (LIFE-2), else the projection's. */
  private KnownUnit known(VerificationRequest request, ObjectState s) {
    String status = packStates.status(request.gtin().value(), request.serial().value(), s.lot(), s.lastEventTime())
        .orElse(s.status());
    return new KnownUnit(s.epc(), s.lot(), s.expiry(), status);
  }

  /**
   * The GLN this responder answers for ({@code responderGLN}): the system property {@code
   * custodia.responder.gln}, else {@code custodia.site.gln}, else the own plant of the embedded default.
   */
  public static Gln responder() {
    return Gln.of(System.getProperty("custodia.responder.gln", System.getProperty("custodia.site.gln", "9506000000015")));
  }

  static AnomalyRules rules() {
    return new AnomalyRules(
        Duration.parse(System.getProperty("custodia.verification.conflict-window", "PT1H")),
        Duration.parse(System.getProperty("custodia.verification.failure-window", "PT1H")),
        Integer.getInteger("custodia.verification.failure-threshold", 5));
  }
}
