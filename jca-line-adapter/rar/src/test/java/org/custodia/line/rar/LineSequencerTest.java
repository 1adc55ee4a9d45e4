package org.custodia.line.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.custodia.line.rar.LineSequencer.Decision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LineSequencerTest {

  @Test
  @Tag("LINE-1")
  void deliversTheNextNumberAndDropsOnesDeliveredBefore() {
    LineSequencer s = new LineSequencer(10);
    assertEquals(Decision.DUPLICATE, s.offer(10));
    assertEquals(Decision.DELIVER, s.offer(11));
    assertEquals(Decision.DUPLICATE, s.offer(11));
    assertEquals(Decision.DELIVER, s.offer(12));
    assertEquals(13, s.next());
  }

  @Test
  @Tag("LINE-4")
  void asksOnceForAResendAtAGapThenDeliversWhatIsResent() {
    // given a line at 10 whose 11 and 12 were lost in transit
    LineSequencer s = new LineSequencer(10);

    // when 13 and 14 come, then 11..14 again
    assertEquals(Decision.RESEND, s.offer(13));
    assertEquals(Decision.WAIT, s.offer(14));
    assertEquals(0, s.resendStarts(11));
    assertEquals(Decision.DELIVER, s.offer(11));
    assertEquals(Decision.DELIVER, s.offer(12));
    assertEquals(Decision.DELIVER, s.offer(13));
    assertEquals(Decision.DELIVER, s.offer(14));

    // then a later gap asks again
    assertEquals(Decision.RESEND, s.offer(16));
  }

  @Test
  @Tag("LINE-4")
  void acceptsAJumpTheLineCannotFillAnyMore() {
    LineSequencer s = new LineSequencer(10);
    assertEquals(Decision.RESEND, s.offer(500));
    assertEquals(489, s.resendStarts(500));
    assertEquals(Decision.DELIVER, s.offer(500));
  }

  @Test
  void aFailedResendIsAskedAgainAtTheNextMessage() {
    LineSequencer s = new LineSequencer(1);
    assertEquals(Decision.RESEND, s.offer(3));
    s.resendFailed();
    assertEquals(Decision.RESEND, s.offer(4));
  }
}
