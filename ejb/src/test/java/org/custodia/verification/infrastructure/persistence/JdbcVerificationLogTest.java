package org.custodia.verification.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.custodia.platform.TestDatabases;
import org.custodia.verification.domain.Channel;
import org.custodia.verification.domain.Reason;
import org.custodia.verification.domain.VerificationRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification log the anomaly rules look back on, on the real schema (migration V13). */
@Tag("VER-3")
class JdbcVerificationLogTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00Z");
  private static final String W = "9506000000022";
  private static final String P = "9506000000039";

  @TempDir Path dir;
  private JdbcVerificationLog log;

  @BeforeEach
  void log() {
    log = new JdbcVerificationLog(TestDatabases.migrated(dir));
  }

  private void append(OffsetDateTime at, String serial, String gln, Reason reason) {
    log.append(new VerificationRecord(at, "09506000134352", serial, gln, reason == null, reason),
        new JdbcVerificationLog.Extra(gln == null ? Channel.INTERNAL : Channel.VRS, "LOT1", "281231", "supply",
            "corr", "dscsaSaleableReturn"));
  }

  @Test
  void findsTheFirstVerificationByAnotherRequesterAndCountsARequestersFailures() {
    // given
    append(T.minusHours(2), "SN1", W, null);
    append(T.minusMinutes(30), "SN1", W, Reason.LOT_MISMATCH);
    append(T.minusMinutes(20), "SN1", P, null);
    append(T.minusMinutes(10), "SN2", W, Reason.UNKNOWN_SERIAL);
    append(T.minusMinutes(5), "SN2", null, Reason.UNKNOWN_SERIAL);

    // when / then: the first verification in the window by another requester than the one asking
    assertEquals(Optional.of(
        new VerificationRecord(T.minusMinutes(20), "09506000134352", "SN1", P, true, null)),
        normalised(log.firstByAnotherRequester("09506000134352", "SN1", W, T.minusHours(1))));
    assertEquals(Optional.of(
        new VerificationRecord(T.minusMinutes(30), "09506000134352", "SN1", W, false, Reason.LOT_MISMATCH)),
        normalised(log.firstByAnotherRequester("09506000134352", "SN1", P, T.minusHours(1))));
    // the window's start, another unit, the same GTIN's other serial, and internal verifications (no GLN)
    assertEquals(Optional.empty(), log.firstByAnotherRequester("09506000134352", "SN1", W, T.minusMinutes(15)));
    assertEquals(Optional.of(
        new VerificationRecord(T.minusHours(2), "09506000134352", "SN1", W, true, null)),
        normalised(log.firstByAnotherRequester("09506000134352", "SN1", P, T.minusHours(3))));
    assertEquals(Optional.empty(), log.firstByAnotherRequester("09506000134352", "SN2", W, T.minusHours(1)));
    assertEquals(Optional.empty(), log.firstByAnotherRequester("09506000134353", "SN1", W, T.minusHours(3)));
    assertEquals(2, log.failuresOf(W, T.minusHours(1)));
    assertEquals(1, log.failuresOf(W, T.minusMinutes(15)));
    assertEquals(0, log.failuresOf(P, T.minusHours(1)));
  }

  private static Optional<VerificationRecord> normalised(Optional<VerificationRecord> r) {
    return r.map(x -> new VerificationRecord(x.at().withOffsetSameInstant(T.getOffset()), x.gtin(), x.serial(),
        x.requesterGln(), x.verified(), x.reason()));
  }

  @Test
  void countsARequestersFailuresUpToALimit() {
    // given five failures of W in the hour among its successes, one older failure, and P's failures
    append(T.minusHours(2), "SN0", W, Reason.LOT_MISMATCH);
    for (int i = 1; i <= 5; i++) {
      append(T.minusMinutes(50 - i), "SN" + i, W, null);
      append(T.minusMinutes(40 - i), "SN" + i, W, Reason.EXPIRY_MISMATCH);
      append(T.minusMinutes(30 - i), "SN" + i, P, Reason.UNKNOWN_SERIAL);
    }

    // then the count stops at the limit, and is exact below it
    assertEquals(5, log.failuresOf(W, T.minusHours(1), 6));
    assertEquals(5, log.failuresOf(W, T.minusHours(1), 5));
    assertEquals(3, log.failuresOf(W, T.minusHours(1), 3));
    assertEquals(6, log.failuresOf(W, T.minusHours(3), 6));
    assertEquals(6, log.failuresOf(W, T.minusHours(3), 100));
    assertEquals(3, log.failuresOf(W, T.minusMinutes(37), 6));
    assertEquals(0, log.failuresOf("0000000000000", T.minusHours(3), 6));
    // the same as the full count wherever that is within the limit
    assertEquals(log.failuresOf(W, T.minusHours(1)), log.failuresOf(W, T.minusHours(1), 6));
  }
}
