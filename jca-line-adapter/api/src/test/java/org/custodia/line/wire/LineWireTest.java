package org.custodia.line.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.Grade;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;
import org.custodia.line.api.Station;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LineWireTest {

  private static final Instant AT = Instant.parse("2026-11-27T05:00:00.123Z");

  @Test
  @Tag("LINE-1")
  void everyMessageKindSurvivesTheWireUnchanged() {
    // given one message of each kind, with GS characters and an unreadable read
    var read = new CameraRead("line-1", 7, "U7", "0109506000134352\u001D21ABC", Grade.B, AT, "img/7");
    var unreadable = new CameraRead("line-1", 8, "U8", null, Grade.F, AT, null);
    var reject = new RejectConfirmed("line-2", 9, "U8", AT);
    var state = new LineStateChange("line-1", 10, LineState.RUNNING, AT);
    var scan = new AggregationScan("line-1", 11, Station.CASE, "00095060000000000017",
        List.of("0109506000134352\u001D21A", "0109506000134352\u001D21B"), AT);

    // when each is encoded and decoded, then it is the same message
    for (var m : List.of(read, unreadable, reject, state, scan)) {
      assertEquals(m, LineWire.decode(LineWire.encode(m)));
    }
  }

  @Test
  void rejectsAnArrayThatIsNoLineMessage() {
    assertThrows(IllegalArgumentException.class, () -> LineWire.decode(new String[] {"x"}));
    assertThrows(IllegalArgumentException.class,
        () -> LineWire.decode(new String[] {"Nope", "l", "1", AT.toString(), "x"}));
  }
}
