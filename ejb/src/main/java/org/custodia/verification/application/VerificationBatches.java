package org.custodia.verification.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import org.custodia.gs1.Gln;
import org.custodia.platform.GroupCommit;
import org.custodia.verification.application.VerificationService.VrsAnswer;
import org.custodia.verification.application.VerificationService.VrsQuestion;
import org.custodia.verification.domain.VerificationRequest;

/**
 * The responder's questions answered by group commit (VER-2): the questions that arrive while a
 * transaction of answers runs go together into the next one, up to {@value #MAX_QUESTIONS}, with as many
 * such transactions at once as the machine has cores ({@link GroupCommit}; a question alone is answered at
 * once, alone). Each verification is logged and judged in a committed transaction before its answer
 * leaves, as when each had its own; they only share the commit, which on the embedded H2 writes a store
 * chunk (measured in validation/pq/README.md, downstream). The user who asked is taken on the caller's
 * thread, so the log names each question's own user whoever runs the transaction.
 */
@ApplicationScoped
public class VerificationBatches {

  static final int MAX_QUESTIONS = 32;

  @Inject VerificationService service;
  @Inject Principal caller;

  private GroupCommit<VrsQuestion, VrsAnswer> group;

  @PostConstruct
  void start() {
    group = new GroupCommit<>(MAX_QUESTIONS, Math.max(1, Runtime.getRuntime().availableProcessors()),
        questions -> service.answerAll(questions));
  }

  /** The allow-list's answer for {@code requester} and, when it is permitted, the verification (else null). */
  public VrsAnswer answer(VerificationRequest request, Gln requester, String corrUuid, String context) {
    return group.submit(new VrsQuestion(request, requester, corrUuid, context, caller.getName()));
  }
}
