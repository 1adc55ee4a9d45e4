package org.custodia.line.application;

/** Runs work once the current transaction has committed (at once when there is none); drops it on rollback. */
public interface AfterCommit {

  void run(Runnable work);
}
