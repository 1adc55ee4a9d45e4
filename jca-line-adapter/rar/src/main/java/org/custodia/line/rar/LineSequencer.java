package org.custodia.line.rar;

/**
 * Keeps one line's messages in sequence: delivers the next number, drops numbers already delivered
 * (a message sent again), and on a jump asks once for the missing ones to be sent again; if the line
 * no longer has them, the jump is accepted (and visible to the consumer).
 */
final class LineSequencer {

  /** What to do with a message. */
  enum Decision {
    /** The next one: deliver it. */
    DELIVER,
    /** Delivered before: drop it. */
    DUPLICATE,
    /** Comes after a gap, and the gap has just been noticed: drop it and ask for a resend. */
    RESEND,
    /** Comes after a gap already asked for: drop it, the resend brings it again. */
    WAIT
  }

  private long last;
  private boolean resendAsked;

  /** Starts after {@code last}, the line's latest message before this activation. */
  LineSequencer(long last) {
    this.last = last;
  }

  synchronized Decision offer(long sequence) {
    if (sequence <= last) {
      return Decision.DUPLICATE;
    }
    if (sequence == last + 1) {
      last = sequence;
      resendAsked = false;
      return Decision.DELIVER;
    }
    if (resendAsked) {
      return Decision.WAIT;
    }
    resendAsked = true;
    return Decision.RESEND;
  }

  /** The first number wanted next. */
  synchronized long next() {
    return last + 1;
  }

  synchronized long last() {
    return last;
  }

  /**
   * The line answered a resend: it starts from {@code firstSent}. If that is past the gap, the
   * messages in between are gone on the line; accept the jump.
   *
   * @return how many messages the line lost (0 when none)
   */
  synchronized long resendStarts(long firstSent) {
    long lost = Math.max(0, firstSent - (last + 1));
    if (lost > 0) {
      last = firstSent - 1;
      resendAsked = false;
    }
    return lost;
  }

  /** A resend request failed or a new session began: ask again at the next gap. */
  synchronized void resendFailed() {
    resendAsked = false;
  }
}
